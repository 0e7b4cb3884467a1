/* cr-csv.h: spreadsheets saved as CSV, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest file cr_csv_parse() accepts: 512 MiB. */
#define CR_CSV_MAX_SIZE ((gsize) 512 * 1024 * 1024)

#define CR_CSV_ERROR (cr_csv_error_quark ())

typedef enum
{
  CR_CSV_ERROR_EMPTY,        /* nothing but blank lines, or nothing at all */
  CR_CSV_ERROR_BINARY,       /* not text: a workbook, a PDF, a picture … */
  CR_CSV_ERROR_UNTERMINATED, /* a quote opened on some line never closed */
  CR_CSV_ERROR_ENCODING,     /* text in an encoding we can't read */
  CR_CSV_ERROR_TOO_LARGE,    /* larger than CR_CSV_MAX_SIZE */
} CrCsvError;

typedef struct _CrCsv CrCsv;

GQuark       cr_csv_error_quark         (void);

CrCsv       *cr_csv_parse               (GBytes            *bytes,
                                         GError           **error);
CrCsv       *cr_csv_parse_with          (GBytes            *bytes,
                                         char               delimiter,
                                         GError           **error);
CrCsv       *cr_csv_parse_file          (const char        *path,
                                         GError           **error);
void         cr_csv_free                (CrCsv             *self);

const char  *cr_csv_get_encoding        (CrCsv             *self);
char         cr_csv_get_delimiter       (CrCsv             *self);

guint        cr_csv_get_n_records       (CrCsv             *self);
guint        cr_csv_record_get_n_fields (CrCsv             *self,
                                         guint              record);
const char  *cr_csv_get_field           (CrCsv             *self,
                                         guint              record,
                                         guint              field);
char        *cr_csv_dup_field_stripped  (CrCsv             *self,
                                         guint              record,
                                         guint              field);
guint        cr_csv_get_line            (CrCsv             *self,
                                         guint              record);
gboolean     cr_csv_record_is_blank     (CrCsv             *self,
                                         guint              record);

char        *cr_csv_normalise_header    (const char        *header);
int          cr_csv_find_column         (CrCsv             *self,
                                         const char *const *aliases);

void         cr_csv_append_field        (GString           *line,
                                         const char        *value,
                                         char               delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCsv, cr_csv_free)

G_END_DECLS
