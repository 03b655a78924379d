/* png_encoder.h -- PNG encoding of opaque 32-bit images, fast.
 *
 * Cairo's own PNG writer always uses zlib's default level, and libpng's row
 * transforms and zlib were most of the cost of a small report. Charts are
 * large flat areas: the "up" filter turns them into runs of zeros that
 * zlib's run-length strategy at level 1 compresses well, several times
 * faster than a full match search. This writer converts and filters each
 * row in one pass (libpng's per-row transforms cost more than the filter)
 * and compresses rows sixteen at a time, holding those rows and one 64 KiB
 * block of output, and writes the PNG chunks itself (an IDAT chunk per
 * block). A row that repeats the row above, as most rows of a chart do, is
 * not filtered or handed to zlib at all: its deflate codes are written
 * directly (a zero, then copies of it), and the zlib header and adler32
 * with them.
 */
#ifndef PNG_ENCODER_H
#define PNG_ENCODER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Receives encoded bytes; returns 0 to go on, anything else to stop. */
typedef int (*pe_write_fn)(void *closure, const uint8_t *bytes, size_t count);

/* Encodes an opaque image given as 32-bit pixels in Cairo's native layout
 * (CAIRO_FORMAT_RGB24 or opaque ARGB32: 0xAARRGGBB in host byte order, rows
 * 4-byte aligned) as an 8-bit RGB PNG. 'stride' is the byte distance between
 * rows; 'level' is zlib's 1-9 (1 fastest). The file is handed to 'write'
 * in order, a piece at a time (none longer than 64 KiB and 12 bytes).
 * Returns 0 on success, -1 on any failure (memory, or 'write' refusing). */
int pe_encode_rgb32(const uint8_t *pixels, int width, int height, int stride, int level,
                    pe_write_fn write, void *closure);

#ifdef __cplusplus
}
#endif

#endif /* PNG_ENCODER_H */
