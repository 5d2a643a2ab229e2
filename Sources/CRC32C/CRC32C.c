// CRC32C in C because Swift cannot reach the SSE4.2 crc32 instruction directly, and frame checks sit on the
// hot path of every append and read: the hardware path checksums several GB/s, the table path a few hundred MB/s.
#include "CRC32C.h"

#include <string.h>

static uint32_t crc32c_table[8][256];
static int crc32c_table_ready = 0;

static void crc32c_build_table(void) {
    const uint32_t polynomial = 0x82F63B78u;
    for (uint32_t index = 0; index < 256; index++) {
        uint32_t crc = index;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 1) ? (crc >> 1) ^ polynomial : crc >> 1;
        }
        crc32c_table[0][index] = crc;
    }
    for (uint32_t index = 0; index < 256; index++) {
        uint32_t crc = crc32c_table[0][index];
        for (int slice = 1; slice < 8; slice++) {
            crc = crc32c_table[0][crc & 0xFF] ^ (crc >> 8);
            crc32c_table[slice][index] = crc;
        }
    }
    __atomic_store_n(&crc32c_table_ready, 1, __ATOMIC_RELEASE);
}

static uint32_t crc32c_software(uint32_t crc, const uint8_t *bytes, size_t length) {
    if (!__atomic_load_n(&crc32c_table_ready, __ATOMIC_ACQUIRE)) {
        crc32c_build_table();
    }
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        word ^= crc;
        crc = crc32c_table[7][word & 0xFF] ^ crc32c_table[6][(word >> 8) & 0xFF] ^
              crc32c_table[5][(word >> 16) & 0xFF] ^ crc32c_table[4][(word >> 24) & 0xFF] ^
              crc32c_table[3][(word >> 32) & 0xFF] ^ crc32c_table[2][(word >> 40) & 0xFF] ^
              crc32c_table[1][(word >> 48) & 0xFF] ^ crc32c_table[0][word >> 56];
        bytes += 8;
        length -= 8;
    }
    while (length--) {
        crc = crc32c_table[0][(crc ^ *bytes++) & 0xFF] ^ (crc >> 8);
    }
    return crc;
}

#if defined(__x86_64__)
#include <cpuid.h>

__attribute__((target("sse4.2")))
static uint32_t crc32c_hardware(uint32_t crc, const uint8_t *bytes, size_t length) {
    uint64_t wide = crc;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        wide = __builtin_ia32_crc32di(wide, word);
        bytes += 8;
        length -= 8;
    }
    uint32_t narrow = (uint32_t)wide;
    while (length--) {
        narrow = __builtin_ia32_crc32qi(narrow, *bytes++);
    }
    return narrow;
}

static int crc32c_has_hardware(void) {
    static int answer = -1;
    int known = __atomic_load_n(&answer, __ATOMIC_RELAXED);
    if (known >= 0) {
        return known;
    }
    unsigned int eax, ebx, ecx, edx;
    int found = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSE4_2);
    __atomic_store_n(&answer, found, __ATOMIC_RELAXED);
    return found;
}
#endif

uint32_t rivulet_crc32c_extend(uint32_t crc, const void *bytes, size_t length) {
    crc = ~crc;
#if defined(__x86_64__)
    if (crc32c_has_hardware()) {
        return ~crc32c_hardware(crc, (const uint8_t *)bytes, length);
    }
#endif
    return ~crc32c_software(crc, (const uint8_t *)bytes, length);
}
