#ifndef BROADSHEET_CCURL_SHIM_H
#define BROADSHEET_CCURL_SHIM_H
#include <curl/curl.h>
#endif
