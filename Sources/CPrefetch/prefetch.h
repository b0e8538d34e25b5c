// A hint to start loading a cache line before it is needed (the compiler's builtin, which Swift
// does not expose). It never faults, whatever the address.
static inline void broadsheet_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
