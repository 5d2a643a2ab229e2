#ifndef RIVULET_CRC32C_H
#define RIVULET_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Extends a CRC32C (Castagnoli) checksum over `length` bytes. Start with 0.
/// Uses the SSE4.2 instruction where the processor has it, a table otherwise.
uint32_t rivulet_crc32c_extend(uint32_t crc, const void *bytes, size_t length);

#endif
