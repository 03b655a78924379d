/* png_encoder.c -- see png_encoder.h. */
#include "png_encoder.h"

#include <png.h>
#include <zlib.h>
#include <setjmp.h>
#include <stdlib.h>

typedef struct sink {
    pe_write_fn write;
    void *closure;
} sink;

static void write_data(png_structp png, png_bytep data, png_size_t length) {
    sink *s = (sink *)png_get_io_ptr(png);
    if (s->write(s->closure, data, length) != 0) png_error(png, "write failed");
}

static void flush_data(png_structp png) { (void)png; }

int pe_encode_rgb32(const uint8_t *pixels, int width, int height, int stride, int level,
                    pe_write_fn write, void *closure) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return -1;
    png_infop info = png_create_info_struct(png);
    /* volatile: must survive the longjmp back into this frame */
    png_bytep *volatile rows = NULL;
    sink s = {write, closure};
    if (!info || setjmp(png_jmpbuf(png))) {
        free((void *)rows);
        png_destroy_write_struct(&png, info ? &info : NULL);
        return -1;
    }
    png_set_write_fn(png, &s, write_data, flush_data);
    png_set_compression_level(png, level);
    /* Run-length matching only: charts are long runs of one colour, which RLE
     * finds at a fraction of the cost of a full match search. */
    png_set_compression_strategy(png, Z_RLE);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    /* 0xAARRGGBB in host order is B,G,R,A in memory on little-endian hosts:
     * drop the fourth byte and swap to RGB. */
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    png_set_bgr(png);
    rows = malloc(sizeof(png_bytep) * (size_t)height);
    if (!rows) png_error(png, "out of memory");
    for (int y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + (size_t)y * (size_t)stride);
    png_write_image(png, rows);
    png_write_end(png, NULL);
    free((void *)rows);
    png_destroy_write_struct(&png, &info);
    return 0;
}
