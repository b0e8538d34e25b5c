#ifndef BROADSHEET_CCURL_SHIM_H
#define BROADSHEET_CCURL_SHIM_H
#include <curl/curl.h>

// libcurl's curl_easy_setopt and curl_easy_getinfo are variadic, and Swift cannot call C variadic
// functions. These static inline wrappers fix the argument type of each call (as GRDB's shim does
// for sqlite3_config), so Swift sees ordinary functions.

/// Sets an option that takes a `long` (CURLOPT_HTTP_VERSION, CURLOPT_NOBODY, timeouts, ...).
static inline CURLcode broadsheet_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a `curl_off_t` (CURLOPT_POSTFIELDSIZE_LARGE, ...).
static inline CURLcode broadsheet_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a C string (CURLOPT_URL, CURLOPT_CUSTOMREQUEST, ...). libcurl copies it.
static inline CURLcode broadsheet_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes an opaque pointer (CURLOPT_WRITEDATA, CURLOPT_HTTPHEADER, CURLOPT_POSTFIELDS, ...).
static inline CURLcode broadsheet_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// The signature libcurl expects for CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION and CURLOPT_READFUNCTION.
typedef size_t (*broadsheet_curl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

/// Sets CURLOPT_WRITEFUNCTION (body bytes as they arrive).
static inline CURLcode broadsheet_curl_setopt_writefunction(CURL *handle, broadsheet_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// Sets CURLOPT_HEADERFUNCTION (one raw header line per call, status lines included).
static inline CURLcode broadsheet_curl_setopt_headerfunction(CURL *handle, broadsheet_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

/// Sets CURLOPT_READFUNCTION (request body supplier, used for chunked uploads).
static inline CURLcode broadsheet_curl_setopt_readfunction(CURL *handle, broadsheet_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

/// Reads a `long` piece of information (CURLINFO_RESPONSE_CODE, CURLINFO_NUM_CONNECTS, CURLINFO_HTTP_VERSION, ...).
static inline CURLcode broadsheet_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a `curl_off_t` piece of information (CURLINFO_TOTAL_TIME_T, CURLINFO_SIZE_DOWNLOAD_T, ...).
static inline CURLcode broadsheet_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a string piece of information (CURLINFO_EFFECTIVE_URL, CURLINFO_PRIMARY_IP, ...). Owned by libcurl.
static inline CURLcode broadsheet_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
