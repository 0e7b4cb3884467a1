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
 * A second figure is what the shell's `.import` skips and we must do: the
 * same rows, already checked and with their derived columns worked out,
 * inserted into a new association file's own tables (with their indexes,
 * CHECKs, foreign keys and triggers, and the file's own PRAGMAs) by a bare
 * loop of two statements prepared once, a row at a time. The shell writes
 * one table of seven columns with no index and no constraint; we write
 * fifteen columns and a membership a person, five indexes, about four
 * times the bytes. (The import itself writes in bulk, and so comes in a
 * little under this loop.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-csv.h"
#include "cr-member-import.h"
#include "cr-store-import.h"

#include <sqlite3.h>
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

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* The floor: @rows into a new file's people and memberships by a bare
 * loop. Everything that is not SQLite (the sort key, search text and
 * household key) is worked out before the clock starts. */
static double
time_floor (const char *dir,
            GPtrArray  *rows)
{
  g_autofree char *path = g_build_filename (dir, "floor.commonroom", NULL);
  g_autoptr (GPtrArray) derived = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GTimer) timer = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *person = NULL, *member = NULL;
  sqlite3 *db = NULL;
  gint64 group;
  double elapsed;

  {
    g_autoptr (CrStore) store = cr_store_create (path, "Floor TRA", &error);

    g_assert_no_error (error);
    group = cr_store_get_association_group (store);
    cr_store_close (store);
  }
  for (guint i = 0; i < rows->len; i++)
    {
      CrImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *family = g_str_to_ascii (cr_person_get_family_name (row->person), "C");
      g_autofree char *given = g_str_to_ascii (cr_person_get_given_name (row->person), "C");

      g_autofree char *key = g_strconcat (family, "\x1f", given, NULL);

      g_ptr_array_add (derived, g_ascii_strdown (key, -1));
      g_ptr_array_add (derived, cr_person_dup_search_text (row->person));
      g_ptr_array_add (derived, cr_person_dup_household_key (row->person));
    }

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                   "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;");

  timer = g_timer_new ();
  exec_or_die (db, "BEGIN IMMEDIATE");
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                     "INSERT INTO people (given_name, family_name, sort_key, "
                     "address, block, postcode, phone, email, tenure, "
                     "consent_to_contact, consent_date, conduct_signed_on, "
                     "notes, search_text, household_key) VALUES (?1, ?2, ?3, "
                     "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                     -1, &person, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                     "INSERT INTO memberships (person_id, group_id, kind, "
                     "start_date) VALUES (?1, ?2, 'voting', ?3)",
                     -1, &member, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < rows->len; i++)
    {
      CrImportRow *row = g_ptr_array_index (rows, i);
      CrPerson *p = row->person;

      sqlite3_bind_text (person, 1, cr_person_get_given_name (p), -1, SQLITE_STATIC);
      sqlite3_bind_text (person, 2, cr_person_get_family_name (p), -1, SQLITE_STATIC);
      sqlite3_bind_text (person, 3, g_ptr_array_index (derived, 3 * i), -1,
                         SQLITE_STATIC);
      bind_or_null (person, 4, cr_person_get_address (p));
      bind_or_null (person, 5, cr_person_get_block (p));
      bind_or_null (person, 6, cr_person_get_postcode (p));
      bind_or_null (person, 7, cr_person_get_phone (p));
      bind_or_null (person, 8, cr_person_get_email (p));
      bind_or_null (person, 9, cr_tenure_to_string (cr_person_get_tenure (p)));
      sqlite3_bind_int (person, 10, cr_person_get_consent_to_contact (p));
      bind_or_null (person, 11, cr_person_get_consent_date (p));
      bind_or_null (person, 12, cr_person_get_conduct_signed_on (p));
      bind_or_null (person, 13, cr_person_get_notes (p));
      sqlite3_bind_text (person, 14, g_ptr_array_index (derived, 3 * i + 1), -1,
                         SQLITE_STATIC);
      bind_or_null (person, 15, g_ptr_array_index (derived, 3 * i + 2));
      g_assert_cmpint (sqlite3_step (person), ==, SQLITE_DONE);
      sqlite3_reset (person);

      sqlite3_bind_int64 (member, 1, sqlite3_last_insert_rowid (db));
      sqlite3_bind_int64 (member, 2, group);
      sqlite3_bind_text (member, 3, row->joined, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (member), ==, SQLITE_DONE);
      sqlite3_reset (member);
    }
  sqlite3_finalize (person);
  sqlite3_finalize (member);
  exec_or_die (db, "COMMIT");
  elapsed = g_timer_elapsed (timer, NULL);
  sqlite3_close (db);
  return elapsed;
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
  double baseline, floor, parse, check, write, ours;

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
  floor = time_floor (dir, cr_member_import_get_rows (import));

  g_print ("import of %u members: %.3f s (read %.3f, check %.3f, write %.3f); "
           "%u added, %u repeated\n",
           n, ours, parse, check, write, counts.added, counts.repeated);
  if (baseline > 0)
    {
      g_print ("sqlite3 shell .import of the same file: %.3f s\n", baseline);
      g_print ("ratio to the sqlite3 shell: %.2fx (target: at most 2x)\n",
               ours / baseline);
      g_print ("the same rows into our own tables by a bare loop, a row at "
               "a time: %.3f s (%.2fx the shell); our import is %.2fx that\n",
               floor, floor / baseline, ours / floor);
    }

  cr_store_close (store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
