/* bench-import.c: importing a 100,000-row member spreadsheet
 *
 * Writes a CSV of made-up members, times the sqlite3 shell's plain
 * `.import` of it into a table (the bare baseline: no checks, no
 * duplicates found, nothing folded), then times Common Room's import of the
 * same file into a new association file: reading and decoding, checking
 * every row, looking for people already there, and writing each person
 * and their membership in one transaction. DESIGN.md's target is at most
 * 2x the baseline. Run with `meson test --benchmark import` or `make bench`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-csv.h"
#include "cr-member-import.h"
#include "cr-store-import.h"

#include <stdlib.h>

static const char *const given[] = {
  "Kwame", "Aoife", "Seán", "Zoë", "Chidi", "Amira", "Lin", "Jan", "Renée",
  "Peter", "Fatima", "Tomasz", "Grace", "Yusuf", "Mei", "Dolores",
};
static const char *const family[] = {
  "Mensah", "Byrne", "Ó Súilleabháin", "Nowak", "Okafor", "Haddad", "Zhou",
  "van der Berg", "François", "O’Neill", "Begum", "Shah", "Adeyemi", "Ali",
  "Smith", "Kowalski", "Murphy", "Evans", "D’Souza", "Baker",
};
/* Made-up surnames from syllables, so that names repeat about as often as
 * in a real register (a handful of people share a name), not hundreds. */
static const char *const syllables[] = {
  "Ab", "Or", "Ka", "Mel", "Dun", "Ros", "Tal", "Wen", "Ey", "Ib",
};

static const char *const places[] = {
  "Birch House", "Heron Court", "Loom Street", "Otter House", "Cedar House",
  "Spinners Court", "Towpath Walk", "Kingfisher Tower",
};

static char *
write_csv (const char *dir,
           guint       n)
{
  g_autofree char *path = g_build_filename (dir, "members.csv", NULL);
  GString *out = g_string_new ("Name,Address,Postcode,Email,Phone,Tenure,Joined\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out,
                            "%s %s%s%s,\"Flat %u, %s\",AV%u %u%c%c,"
                            "person%u@example.org,07700 %06u,%s,%02u/%02u/%u\n",
                            given[i % G_N_ELEMENTS (given)],
                            family[(i / 16) % G_N_ELEMENTS (family)],
                            syllables[(i / 7) % 10],
                            syllables[(i / 70) % 10],
                            i % 400 + 1, places[i % G_N_ELEMENTS (places)],
                            i % 4 + 1, i % 9 + 1, 'A' + i % 26,
                            'A' + (i / 26) % 26, i, i % 1000000,
                            i % 3 ? "Tenant" : "Leaseholder",
                            i % 28 + 1, i % 12 + 1, 2000 + i % 26);
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);
  return g_steal_pointer (&path);
}

static double
time_sqlite_shell (const char *dir,
                   const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "baseline.db", NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' people", csv);
  const char *argv[] = { "sqlite3", db, "-cmd", ".mode csv", import, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                     NULL, NULL, NULL, &status, &error))
    {
      g_print ("sqlite3 shell not found (%s); install the sqlite3 package\n",
               error->message);
      return -1;
    }
  return g_timer_elapsed (timer, NULL);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("cr-bench-import-XXXXXX", NULL);
  g_autofree char *csv_path = write_csv (dir, n);
  g_autofree char *file = g_build_filename (dir, "bench.commonroom", NULL);
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (CrMemberImport) import = NULL;
  g_autoptr (CrStore) store = NULL;
  CrImportCounts counts;
  double baseline, parse, check, write, ours;

  baseline = time_sqlite_shell (dir, csv_path);

  store = cr_store_create (file, "Benchmark TRA", &error);
  g_assert_no_error (error);

  g_timer_start (timer);
  csv = cr_csv_parse_file (csv_path, &error);
  g_assert_no_error (error);
  parse = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  import = cr_member_import_new (csv, "2026-11-23");
  g_assert_true (cr_member_import_check (import));
  check = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  g_assert_true (cr_store_import_people (store, cr_member_import_get_rows (import),
                                         FALSE, &counts, &error));
  g_assert_no_error (error);
  write = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (counts.added + counts.present + counts.repeated, ==, n);
  ours = parse + check + write;

  g_print ("import of %u members: %.3f s (read %.3f, check %.3f, write %.3f); "
           "%u added, %u repeated\n",
           n, ours, parse, check, write, counts.added, counts.repeated);
  if (baseline > 0)
    {
      g_print ("sqlite3 shell .import of the same file: %.3f s\n", baseline);
      g_print ("ratio to the sqlite3 shell: %.2fx (target: at most 2x)\n",
               ours / baseline);
    }

  cr_store_close (store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
