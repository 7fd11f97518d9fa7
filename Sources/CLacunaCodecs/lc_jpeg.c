/* JPEG through libjpeg-turbo: in-memory reader and encoder. The error manager lives inside the
 * reader struct; error_exit longjmps to the landing pad of the current entry point. Strict
 * policy (like libvips fail_on=warning for corrupt data): a corrupt-data warning, which
 * libjpeg would otherwise paper over by padding a truncated scan with grey, is an error. */
#include "lc_error.h"
#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct lc_jpeg_error_manager {
    struct jpeg_error_mgr base;
    jmp_buf landing;
    lc_error *err;
} lc_jpeg_error_manager;

struct lc_jpeg_reader {
    struct jpeg_decompress_struct cinfo;
    lc_jpeg_error_manager jerr;
    int started;
};

static lc_status status_for_code(int code) {
    switch (code) {
    case JWRN_JPEG_EOF:
    case JERR_INPUT_EOF:
    case JERR_INPUT_EMPTY:
        return LC_ERR_TRUNCATED;
    case JERR_CONVERSION_NOTIMPL:
    case JERR_BAD_IN_COLORSPACE:
    case JERR_NOT_COMPILED:
        return LC_ERR_UNSUPPORTED;
    default:
        return LC_ERR_CORRUPT;
    }
}

static void fail_with_message(j_common_ptr cinfo) {
    lc_jpeg_error_manager *m = (lc_jpeg_error_manager *)cinfo->err;
    char text[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, text);
    lc_set_error(m->err, status_for_code(cinfo->err->msg_code), "JPEG: %s", text);
    longjmp(m->landing, 1);
}

static void strict_message(j_common_ptr cinfo, int level) {
    /* level -1: a warning about corrupt or truncated data. Trace messages (level >= 0) are dropped. */
    if (level < 0) fail_with_message(cinfo);
}

static void install_errors(lc_jpeg_error_manager *m, lc_error *err) {
    jpeg_std_error(&m->base);
    m->base.error_exit = fail_with_message;
    m->base.emit_message = strict_message;
    m->err = err;
}

lc_jpeg_reader *lc_jpeg_open(const uint8_t *data, size_t size, lc_image_info *info, lc_error *err) {
    struct lc_jpeg_reader *r = calloc(1, sizeof *r);
    if (r == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "JPEG: out of memory");
        return NULL;
    }
    install_errors(&r->jerr, err);
    r->cinfo.err = &r->jerr.base;
    if (setjmp(r->jerr.landing)) {
        jpeg_destroy_decompress(&r->cinfo);
        free(r);
        return NULL;
    }
    jpeg_create_decompress(&r->cinfo);
    jpeg_mem_src(&r->cinfo, data, (unsigned long)size);
    jpeg_read_header(&r->cinfo, TRUE);
    switch (r->cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE:
        r->cinfo.out_color_space = JCS_GRAYSCALE;
        break;
    case JCS_YCbCr:
    case JCS_RGB:
        r->cinfo.out_color_space = JCS_RGB;
        break;
    default:
        lc_set_error(err, LC_ERR_UNSUPPORTED, "JPEG: colour space %d (CMYK/YCCK) is not supported",
                     (int)r->cinfo.jpeg_color_space);
        jpeg_destroy_decompress(&r->cinfo);
        free(r);
        return NULL;
    }
    if (r->cinfo.data_precision != 8) {
        lc_set_error(err, LC_ERR_UNSUPPORTED, "JPEG: %d-bit precision is not supported",
                     r->cinfo.data_precision);
        jpeg_destroy_decompress(&r->cinfo);
        free(r);
        return NULL;
    }
    info->width = r->cinfo.image_width;
    info->height = r->cinfo.image_height;
    info->channels = r->cinfo.out_color_space == JCS_GRAYSCALE ? 1 : 3;
    info->bits = 8;
    info->pages = 1;
    info->source_bits = 8;
    info->source_channels = (uint32_t)r->cinfo.num_components;
    info->is_palette = 0;
    return r;
}

lc_status lc_jpeg_read(lc_jpeg_reader *r, void *raster, size_t raster_bytes, lc_error *err) {
    r->jerr.err = err;
    if (setjmp(r->jerr.landing)) {
        return err->status == LC_OK ? LC_ERR_CORRUPT : err->status;
    }
    jpeg_start_decompress(&r->cinfo);
    r->started = 1;
    size_t row_bytes = (size_t)r->cinfo.output_width * (size_t)r->cinfo.output_components;
    if (row_bytes * r->cinfo.output_height > raster_bytes) {
        lc_set_error(err, LC_ERR_ARGUMENT, "JPEG: raster buffer too small");
        return LC_ERR_ARGUMENT;
    }
    while (r->cinfo.output_scanline < r->cinfo.output_height) {
        JSAMPROW row = (JSAMPROW)raster + (size_t)r->cinfo.output_scanline * row_bytes;
        jpeg_read_scanlines(&r->cinfo, &row, 1);
    }
    jpeg_finish_decompress(&r->cinfo);
    r->started = 0;
    return LC_OK;
}

void lc_jpeg_close(lc_jpeg_reader *r) {
    if (r == NULL) return;
    jpeg_destroy_decompress(&r->cinfo);
    free(r);
}

lc_status lc_jpeg_encode(const uint8_t *raster, uint32_t width, uint32_t height, uint32_t channels,
                         int quality, uint8_t **out, size_t *out_size, lc_error *err) {
    *out = NULL;
    *out_size = 0;
    if (width == 0 || height == 0 || (channels != 1 && channels != 3)) {
        lc_set_error(err, LC_ERR_ARGUMENT, "JPEG encode: unsupported layout %ux%u, %u channels",
                     width, height, channels);
        return LC_ERR_ARGUMENT;
    }
    struct jpeg_compress_struct cinfo;
    lc_jpeg_error_manager jerr;
    unsigned char *volatile buffer = NULL;
    unsigned long buffer_size = 0;
    install_errors(&jerr, err);
    cinfo.err = &jerr.base;
    if (setjmp(jerr.landing)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return err->status == LC_OK ? LC_ERR_WRITE : err->status;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &buffer_size);
    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = (int)channels;
    cinfo.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    size_t row_bytes = (size_t)width * channels;
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(raster + (size_t)cinfo.next_scanline * row_bytes);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *out_size = buffer_size;
    return LC_OK;
}
