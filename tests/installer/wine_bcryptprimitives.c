/* Test shim for Wine 8 only, never shipped: Wine 8.0 (Debian 12) has no bcryptprimitives.dll,
 * which Windows 10/11 provide and which Rust-built extensions (pyrage, cryptography) import for
 * ProcessPrng.  tests/installer builds this with mingw-w64 into the test Wine prefix's system32. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
