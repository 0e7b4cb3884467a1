/* test-import.c: the member import writes what one-at-a-time adds would
 *
 * cr_store_import_people() writes new people in bulk (a temporary table,
 * then one INSERT … SELECT a table, with the indexes made again when the
 * import at least doubles the file). These tests hold it to the plain
 * path, cr_store_add_person() and cr_store_add_membership() row by row:
 * the same ids, every column, the same consent records; and to its
 * promises: all or nothing with the line to blame, duplicates found in the
 * file and in the spreadsheet, the file's indexes exactly as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-csv.h"
#include "cr-member-import.h"
#include "cr-store-conduct.h"
#include "cr-store-import.h"
#include "cr-store-people.h"
#include "cr-test-util.h"

#include <sqlite3.h>
#include <string.h>

static char *tmpdir;

/* Consent, tenure, empty fields, "Family, Given" names, notes over two
 * lines (5 and 6), a repeat in the file (line 8 by postcode, line 9 by
 * email in other case), and people the file already holds (lines 10 and
 * 11); see existing_people(). */
static const char csv_text[] =
    "Name,Address,Block,Postcode,Email,Phone,Tenure,Joined,Consent,Notes\n"
    "Kwame Mensah,\"Flat 1, Birch House\",Birch House,AV1 "
    "2BC,kwame@example.org,07700 900001,Tenant,03/04/2019,yes,Chair 2021\n"
    "\"Byrne, Aoife\",Flat 2,,av12bc,,7700900002,Leaseholder,,no,\n"
    "Seán Ó Súilleabháin,,,,sean@example.org,,,2020-01-31,,\n"
    "Zoë van der Berg,\"Flat 4, Heron Court\",Heron Court,AV3 "
    "4DD,,,Other,15/06/2024,y,\"Two lines\nof notes\"\n"
    "Chidi Okafor,Flat 5,,,CHIDI@example.org,,Tenant,,yes,\n"
    "Kwame Mensah,\"Flat 9, Birch House\",,AV1 2BC,,,Tenant,,no,\n"
    "Chidi Okafor,Flat 6,,AV9 9ZZ,chidi@EXAMPLE.org,,,,,\n"
    "Amira Haddad,Flat 7,,AV5 5EE,,,Tenant,,yes,\n"
    "Lin Zhou,Flat 8,,AV6 6FF,LIN@example.org,,,,,\n"
    "Grace Adeyemi,Flat 10,,AV6 6FF,,,,,,\n";

/* The rows of csv_text, checked; @csv_out must outlive @import_out. */
static GPtrArray *
checked_rows (CrCsv **csv_out, CrMemberImport **import_out)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (csv_text, strlen (csv_text));
  g_autoptr (GError) error = NULL;
  CrCsv          *csv = cr_csv_parse (bytes, &error);
  CrMemberImport *import;

  g_assert_no_error (error);
  import = cr_member_import_new (csv, "2026-11-23");
  *csv_out = csv;
  if (!cr_member_import_check (import))
    {
      g_autofree char *problems =
          cr_member_import_describe_problems (import, "t.csv", 0);

      g_error ("%s", problems);
    }
  *import_out = import;
  return cr_member_import_get_rows (import);
}

static CrPerson *
person (const char *given,
        const char *family,
        const char *postcode,
        const char *email)
{
  CrPerson *p = cr_person_new ();

  cr_person_set_given_name (p, given);
  cr_person_set_family_name (p, family);
  cr_person_set_postcode (p, postcode);
  cr_person_set_email (p, email);
  return p;
}

/* Amira (same postcode) and Lin (same email, other case) are there
 * already; so is a Grace Adeyemi at AV6 6FF, but she was erased, and an
 * erased person is nobody to match. */
static void
existing_people (CrStore *store)
{
  g_autoptr (GError) error = NULL;
  CrPerson *people[] = {
    person ("Amira", "Haddad", "AV5 5EE", NULL),
    person ("Lin", "Zhou", NULL, "lin@EXAMPLE.org"),
    person ("Grace", "Adeyemi", "AV6 6FF", NULL),
  };
  gint64 group = cr_store_get_association_group (store);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id = cr_store_add_person (store, people[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (cr_store_add_membership (store, id, group,
                                                CR_MEMBERSHIP_VOTING,
                                                "2018-05-01", &error),
                       >, 0);
      g_assert_no_error (error);
      if (i == 2)
        {
          g_assert_true (cr_store_erase_person (store, id, &error));
          g_assert_no_error (error);
        }
      g_object_unref (people[i]);
    }
}

static CrStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr (GError) error = NULL;
  CrStore *store = cr_store_create (path, "Test TRA", &error);

  g_assert_no_error (error);
  return store;
}

/* Every row of @sql in @path, one line a row, columns split by "|". */
static char *
dump (const char *path, const char *sql)
{
  GString      *out = g_string_new (NULL);
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s%s", c ? "|" : "",
                                  text ? text : "(null)");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static char *
close_and_path (CrStore *store)
{
  char *path = g_strdup (cr_store_get_path (store));

  cr_store_close (store);
  g_object_unref (store);
  return path;
}

/* The bulk import and the same new rows added one at a time give the same
 * file: ids, every column of people, memberships, consent records. */
static void
test_import_same_as_one_by_one (void)
{
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (CrMemberImport) import = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray       *rows = checked_rows (&csv, &import);
  CrStore         *bulk = new_store ("bulk.commonroom");
  CrStore         *plain = new_store ("plain.commonroom");
  g_autofree char *bulk_path = NULL;
  g_autofree char *plain_path = NULL;
  CrImportCounts   counts;
  const char      *tables[] = {
         "SELECT * FROM people ORDER BY id",
         "SELECT * FROM memberships ORDER BY id",
         "SELECT * FROM consents ORDER BY id",
  };

  existing_people (bulk);
  existing_people (plain);

  g_assert_true (cr_store_import_people (bulk, rows, FALSE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 6);
  g_assert_cmpuint (counts.repeated, ==, 2);
  g_assert_cmpuint (counts.present, ==, 2);

  /* What the one-at-a-time path does for the same new rows: lines 2-7
   * and 12 (Grace was erased, so she is new). */
  for (guint i = 0; i < rows->len; i++)
    {
      CrImportRow *row = g_ptr_array_index (rows, i);
      gint64       id;

      if (row->line >= 8 && row->line <= 11)
        continue;
      id = cr_store_add_person (plain, row->person, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cr_store_add_membership (
                           plain, id, cr_store_get_association_group (plain),
                           CR_MEMBERSHIP_VOTING, row->joined, &error),
                       >, 0);
      g_assert_no_error (error);
      cr_person_set_id (row->person, 0);
    }

  bulk_path = close_and_path (bulk);
  plain_path = close_and_path (plain);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *want = dump (plain_path, tables[t]);
      g_autofree char *have = dump (bulk_path, tables[t]);

      g_assert_cmpstr (have, ==, want);
    }
  /* Three who said yes to contact have a consent record from the form. */
  {
    g_autofree char *consents = dump (
        bulk_path, "SELECT count(*) FROM consents c, people p "
                   "WHERE c.person_id = p.id AND "
                   "p.family_name IN ('Mensah', 'van der Berg', 'Okafor')");

    g_assert_cmpstr (consents, ==, "3\n");
  }
}

/* A file's indexes are the same set after an import that made them again
 * (into an empty file) and after one that did not; the file verifies, and
 * a second import of the same rows adds nobody. */
static void
test_import_keeps_indexes (void)
{
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (CrMemberImport) import = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray       *rows = checked_rows (&csv, &import);
  CrStore         *store = new_store ("indexes.commonroom");
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autofree char *before =
      dump (path, "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                  "ORDER BY name");
  g_autofree char *after = NULL;
  CrImportCounts   counts;

  g_assert_true (cr_store_import_people (store, rows, FALSE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 8);
  g_assert_true (cr_store_import_people (store, rows, FALSE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.present, ==, 10);
  cr_store_close (store);
  g_object_unref (store);

  after = dump (path, "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                      "ORDER BY name");
  g_assert_cmpstr (after, ==, before);
  g_assert_true (cr_store_verify (path, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (before, "import_rows"));
}

/* A row the table refuses (a joined date that is no date) undoes the whole
 * import and is named by its line; a dry run changes nothing. */
static void
test_import_all_or_nothing (void)
{
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (CrMemberImport) import = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray       *rows = checked_rows (&csv, &import);
  CrStore         *store = new_store ("refused.commonroom");
  g_autofree char *path = g_strdup (cr_store_get_path (store));
  g_autofree char *people = NULL;
  CrImportCounts   counts;
  CrImportRow     *third = g_ptr_array_index (rows, 2);

  g_assert_true (cr_store_import_people (store, rows, TRUE, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 8);

  g_free (third->joined);
  third->joined = g_strdup ("2026-02-30");
  g_assert_false (cr_store_import_people (store, rows, FALSE, &counts, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 4: "));
  g_assert_cmpuint (counts.added, ==, 0);
  cr_store_close (store);
  g_object_unref (store);

  people = dump (path, "SELECT count(*) FROM people UNION ALL "
                       "SELECT count(*) FROM memberships UNION ALL "
                       "SELECT count(*) FROM consents");
  g_assert_cmpstr (people, ==, "0\n0\n0\n");
}

/* A group that admits one member a household still refuses a second
 * member from the same flat, naming the line. */
static void
test_import_one_per_household (void)
{
  static const char text[] = "Name,Address,Postcode\n"
                             "Peter Evans,\"Flat 3, Loom Street\",AV2 3CD\n"
                             "Mei Evans,\"Flat 3, Loom Street\",AV2 3CD\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = cr_csv_parse (bytes, &error);
  g_autoptr (CrMemberImport) import = cr_member_import_new (csv, "2026-11-23");
  CrStore       *store = new_store ("household.commonroom");
  CrImportCounts counts;

  g_assert_true (cr_store_set_group_one_per_household (
      store, cr_store_get_association_group (store), TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cr_member_import_check (import));
  g_assert_false (cr_store_import_people (
      store, cr_member_import_get_rows (import), FALSE, &counts, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  cr_store_close (store);
  g_object_unref (store);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = cr_test_make_tmpdir ("cr-test-import-XXXXXX");

  g_test_add_func ("/import/same-as-one-by-one",
                   test_import_same_as_one_by_one);
  g_test_add_func ("/import/keeps-indexes", test_import_keeps_indexes);
  g_test_add_func ("/import/all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/import/one-per-household", test_import_one_per_household);

  ret = g_test_run ();
  cr_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
