#ifndef BROADSHEET_CZLIB_SHIM_H
#define BROADSHEET_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 is a macro; Swift cannot call it, so wrap it.
static inline int broadsheet_deflateInit2(z_streamp strm, int level, int windowBits) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

/// inflateInit2 is a macro as well (used by tests and the client-side decoder).
static inline int broadsheet_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
