/* png_encoder.c -- see png_encoder.h. */
#include "png_encoder.h"

#include <zlib.h>
#include <stdlib.h>
#include <string.h>

static void put32(uint8_t *out, uint32_t value) {
    out[0] = (uint8_t)(value >> 24);
    out[1] = (uint8_t)(value >> 16);
    out[2] = (uint8_t)(value >> 8);
    out[3] = (uint8_t)value;
}

/* Writes a chunk whose data is already at out + 8; returns the chunk's size. */
static size_t finish_chunk(uint8_t *out, const char type[4], size_t length) {
    put32(out, (uint32_t)length);
    memcpy(out + 4, type, 4);
    put32(out + 8 + length, (uint32_t)crc32(0L, out + 4, (uInt)(length + 4)));
    return length + 12;
}

/* Row y as filter byte 2 ("up") and R,G,B differences from row y - 1 (row 0: from zeros). */
static void filter_row(const uint8_t *pixels, int width, int y, int stride, uint8_t *out) {
    const uint32_t *row = (const uint32_t *)(const void *)(pixels + (size_t)y * (size_t)stride);
    const uint32_t *above = y > 0 ? (const uint32_t *)(const void *)(pixels + (size_t)(y - 1) * (size_t)stride) : NULL;
    out[0] = 2;
    uint8_t *o = out + 1;
    for (int x = 0; x < width; x++) {
        uint32_t c = row[x], p = above ? above[x] : 0;
        o[0] = (uint8_t)((c >> 16) - (p >> 16));
        o[1] = (uint8_t)((c >> 8) - (p >> 8));
        o[2] = (uint8_t)(c - p);
        o += 3;
    }
}

/* Compresses 'raw' as one zlib stream into 'out' (room for 'room' bytes); returns its size, 0 on failure. */
static size_t deflate_all(const uint8_t *raw, size_t raw_size, int level, uint8_t *out, size_t room) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    /* Run-length matching only: filtered chart rows are long runs of one byte,
     * which RLE finds at a fraction of the cost of a full match search. */
    if (deflateInit2(&stream, level, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) return 0;
    stream.next_in = (Bytef *)raw;
    stream.avail_in = (uInt)raw_size;
    stream.next_out = out;
    stream.avail_out = (uInt)room;
    int status = deflate(&stream, Z_FINISH);
    size_t size = stream.total_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? size : 0;
}

int pe_encode_rgb32(const uint8_t *pixels, int width, int height, int stride, int level,
                    pe_write_fn write, void *closure) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (width <= 0 || height <= 0) return -1;
    size_t row_bytes = 1 + 3 * (size_t)width;
    size_t raw_size = row_bytes * (size_t)height;
    size_t bound = compressBound((uLong)raw_size);
    uint8_t *raw = malloc(raw_size);
    uint8_t *file = malloc(8 + 25 + 12 + bound + 12);
    int result = -1;
    if (!raw || !file) goto done;

    for (int y = 0; y < height; y++) filter_row(pixels, width, y, stride, raw + (size_t)y * row_bytes);

    size_t at = 0;
    memcpy(file, signature, 8);
    at += 8;
    uint8_t *header = file + at + 8;
    put32(header, (uint32_t)width);
    put32(header + 4, (uint32_t)height);
    header[8] = 8;   /* bits per channel */
    header[9] = 2;   /* colour type: RGB */
    header[10] = 0;  /* deflate */
    header[11] = 0;  /* adaptive filtering, per row */
    header[12] = 0;  /* not interlaced */
    at += finish_chunk(file + at, "IHDR", 13);
    size_t compressed = deflate_all(raw, raw_size, level, file + at + 8, bound);
    if (compressed == 0) goto done;
    at += finish_chunk(file + at, "IDAT", compressed);
    at += finish_chunk(file + at, "IEND", 0);
    result = write(closure, file, at) == 0 ? 0 : -1;

done:
    free(file);
    free(raw);
    return result;
}
