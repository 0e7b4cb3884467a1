/* fuzz-member-import.c: libFuzzer target for the member importer
 *
 * Any bytes read as a member list: either every row comes out as a person
 * or every problem has a line and a sentence, never both silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-member-import.h"

#include <stdint.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = cr_csv_parse (bytes, &error);
  g_autoptr (CrMemberImport) import = NULL;
  g_autofree char *text = NULL;
  GPtrArray       *problems;
  GPtrArray       *rows;
  gboolean         ok;

  if (csv == NULL)
    return 0;

  import = cr_member_import_new (csv, "2026-11-25");
  for (guint c = 0; c < cr_member_import_get_n_columns (import); c++)
    {
      (void) cr_member_import_get_header (import, c);
      (void) cr_member_field_get_label (
          cr_member_import_get_mapping (import, c));
    }
  ok = cr_member_import_check (import);
  problems = cr_member_import_get_problems (import);
  rows = cr_member_import_get_rows (import);
  if (ok != (problems->len == 0))
    __builtin_trap ();
  for (guint i = 0; i < problems->len; i++)
    {
      CrImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->message == NULL || problem->message[0] == '\0')
        __builtin_trap ();
    }
  for (guint i = 0; ok && i < rows->len; i++)
    {
      CrImportRow *row = g_ptr_array_index (rows, i);

      if (row->person == NULL)
        __builtin_trap ();
    }
  text = cr_member_import_describe_problems (import, "fuzz.csv", 20);

  /* Mapping a column again (as the window lets the user) and checking again
   * must be just as safe. */
  if (cr_member_import_get_n_columns (import) > 0)
    {
      cr_member_import_set_mapping (import, 0, CR_MEMBER_FIELD_NAME);
      (void) cr_member_import_check (import);
    }
  return 0;
}
