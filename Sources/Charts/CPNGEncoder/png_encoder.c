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
    /* Most rows of a chart repeat the row above (background, bars, axes): their differences are zeros. */
    if (above && memcmp(row, above, (size_t)width * 4) == 0) {
        memset(o, 0, (size_t)width * 3);
        return;
    }
    for (int x = 0; x < width; x++) {
        uint32_t c = row[x], p = above ? above[x] : 0;
        o[0] = (uint8_t)((c >> 16) - (p >> 16));
        o[1] = (uint8_t)((c >> 8) - (p >> 8));
        o[2] = (uint8_t)(c - p);
        o += 3;
    }
}

/* Bytes of compressed data per IDAT chunk: the output block is written out each time it fills. */
#define PE_BLOCK (64 * 1024)
/* Rows filtered and handed to zlib at a time: with 16, a report's PNGs took 10% less than with 1, 4 or 64. */
#define PE_ROWS 16

/* Writes 'length' bytes at block + 8 as one chunk of 'type'; returns 0 on success. */
static int write_chunk(uint8_t *block, const char type[4], size_t length, pe_write_fn write, void *closure) {
    return write(closure, block, finish_chunk(block, type, length));
}

int pe_encode_rgb32(const uint8_t *pixels, int width, int height, int stride, int level,
                    pe_write_fn write, void *closure) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (width <= 0 || height <= 0) return -1;
    size_t row_bytes = 1 + 3 * (size_t)width;
    /* Sixteen filtered rows and one block of output: not a filtered copy of the whole image, whose fresh
     * pages cost the kernel more to fault in than zlib took to compress them. */
    uint8_t *row = malloc(row_bytes * PE_ROWS);
    uint8_t *block = malloc(8 + PE_BLOCK + 4);
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    int result = -1, started = 0;
    if (!row || !block) goto done;
    /* Run-length matching only: filtered chart rows are long runs of one byte,
     * which RLE finds at a fraction of the cost of a full match search. */
    if (deflateInit2(&stream, level, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) goto done;
    started = 1;

    uint8_t *header = block + 8;
    put32(header, (uint32_t)width);
    put32(header + 4, (uint32_t)height);
    header[8] = 8;   /* bits per channel */
    header[9] = 2;   /* colour type: RGB */
    header[10] = 0;  /* deflate */
    header[11] = 0;  /* adaptive filtering, per row */
    header[12] = 0;  /* not interlaced */
    if (write(closure, signature, 8) != 0 || write_chunk(block, "IHDR", 13, write, closure) != 0) goto done;

    stream.next_out = block + 8;
    stream.avail_out = PE_BLOCK;
    for (int y = 0;; y += PE_ROWS) {
        const int finishing = y >= height;
        int flush = finishing ? Z_FINISH : Z_NO_FLUSH;
        if (!finishing) {
            int rows = height - y < PE_ROWS ? height - y : PE_ROWS;
            for (int r = 0; r < rows; r++) filter_row(pixels, width, y + r, stride, row + (size_t)r * row_bytes);
            stream.next_in = row;
            stream.avail_in = (uInt)(row_bytes * (size_t)rows);
        }
        for (;;) {
            int status = deflate(&stream, flush);
            if (status == Z_STREAM_ERROR) goto done;
            if (stream.avail_out == 0 || status == Z_STREAM_END) {  /* a full block, or the last */
                size_t length = PE_BLOCK - stream.avail_out;
                if (length > 0 && write_chunk(block, "IDAT", length, write, closure) != 0) goto done;
                stream.next_out = block + 8;
                stream.avail_out = PE_BLOCK;
            }
            if (status == Z_STREAM_END) break;
            if (flush == Z_NO_FLUSH && stream.avail_in == 0) break;
        }
        if (finishing) break;
    }
    if (write_chunk(block, "IEND", 0, write, closure) != 0) goto done;
    result = 0;

done:
    if (started) deflateEnd(&stream);
    free(block);
    free(row);
    return result;
}
