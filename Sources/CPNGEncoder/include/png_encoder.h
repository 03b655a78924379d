/* png_encoder.h -- PNG encoding of RGB images with a chosen zlib level.
 *
 * Cairo's own PNG writer always uses zlib's default level, which made PNG
 * encoding most of the cost of a small report. Charts are large flat areas,
 * which compress about as well at level 1 with the "up" filter, several
 * times faster. libpng reports errors by longjmp, so it is wrapped here in C
 * and never unwinds through Swift.
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
 * (CAIRO_FORMAT_RGB24 or opaque ARGB32: 0xAARRGGBB in host byte order) as an
 * 8-bit RGB PNG. 'stride' is the byte distance between rows; 'level' is
 * zlib's 0-9. Returns 0 on success, -1 on any failure. */
int pe_encode_rgb32(const uint8_t *pixels, int width, int height, int stride, int level,
                    pe_write_fn write, void *closure);

#ifdef __cplusplus
}
#endif

#endif /* PNG_ENCODER_H */
