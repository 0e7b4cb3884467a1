/* fuzz-csv.c: libFuzzer target for the CSV reader
 *
 * Any bytes at all: the reader must refuse them with an error or hand back
 * records whose every field can be read, stripped and written out again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-csv.h"

#include <stdint.h>
#include <string.h>

static const char *const name_aliases[] = { "name", "full name", NULL };

static void
walk (CrCsv *csv)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = cr_csv_get_n_records (csv);

  (void) cr_csv_get_encoding (csv);
  (void) cr_csv_find_column (csv, name_aliases);
  for (guint r = 0; r < n; r++)
    {
      guint fields = cr_csv_record_get_n_fields (csv, r);

      (void) cr_csv_get_line (csv, r);
      (void) cr_csv_record_is_blank (csv, r);
      g_string_truncate (out, 0);
      for (guint f = 0; f < fields; f++)
        {
          g_autofree char *stripped = cr_csv_dup_field_stripped (csv, r, f);
          g_autofree char *header =
              cr_csv_normalise_header (cr_csv_get_field (csv, r, f));

          /* Stripping never makes a field longer. */
          if (stripped != NULL &&
              strlen (stripped) > strlen (cr_csv_get_field (csv, r, f)))
            __builtin_trap ();
          (void) header;
          cr_csv_append_field (out, cr_csv_get_field (csv, r, f),
                               cr_csv_get_delimiter (csv));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrCsv) csv = cr_csv_parse_with (bytes, delimiters[i], &error);

      /* Exactly one of a result and an error, and the error says something. */
      if ((csv == NULL) == (error == NULL))
        __builtin_trap ();
      if (error != NULL &&
          (error->message == NULL || error->message[0] == '\0'))
        __builtin_trap ();
      if (csv != NULL)
        walk (csv);
    }
  return 0;
}
