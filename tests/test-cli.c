/* test-cli.c: commonroom-cli end to end, as a script would use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cr-store.h"

#include "cr-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cr_test_make_tmpdir ("cr-cli-XXXXXX");
  f->path = g_build_filename (f->dir, "tra.commonroom", NULL);
  g_setenv ("CR_TODAY", "2026-11-22", TRUE);
  g_setenv ("XDG_DATA_HOME", f->dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", f->dir, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->out);
  g_free (f->err);
}

/* Runs commonroom-cli with the arguments up to NULL; keeps its output. */
static int
run (Fixture *f, const char *first, ...)
{
  va_list args;
  int     status;

  va_start (args, first);
  status = cr_test_run_cli_va (&f->out, &f->err, NULL, first, args);
  va_end (args);
  return status;
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  /* Every command and subcommand there is: a new one belongs here. */
  static const char *const commands[][2] = {
    { "init", NULL }, { "demo", NULL }, { "members", NULL },
    { "members", "list" }, { "meetings", "list" },
    { "import", NULL }, { "import", "members" }, { "import", "attendance" },
    { "import", "transactions" },
    { "export", NULL }, { "export", "members" }, { "export", "attendance" },
    { "export", "actions" }, { "export", "grants" }, { "export", "training" },
    { "export", "workplan" }, { "export", "annual" },
    { "groups", "list" }, { "groups", "add" }, { "groups", "templates" },
    { "rules", "show" }, { "rules", "set" }, { "check", NULL },
    { "print", NULL }, { "print", "attendance-sheet" }, { "print", "agenda" },
    { "print", "minutes" }, { "print", "terms" }, { "print", "review" },
    { "print", "annual" },
    { "training", "courses" }, { "training", "add-course" },
    { "training", "record" }, { "training", "require" },
    { "workplan", "list" },
    { "backup", NULL }, { "verify", NULL }, { "restore", NULL },
    { "erase", NULL }, { "subject-access", NULL },
    { "consent", NULL }, { "consent", "list" }, { "consent", "give" },
    { "consent", "withdraw" },
  };

  g_assert_cmpint (run (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (commands[i][1] != NULL)
        g_assert_cmpint (run (f, commands[i][0], commands[i][1], "--help", NULL), ==, 0);
      else
        g_assert_cmpint (run (f, commands[i][0], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (f->out, "Usage:"));
    }
  g_assert_cmpint (run (f, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "commonroom-cli "));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpint (run (f, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "commonroom-cli: "));
  g_assert_cmpint (run (f, "--file", f->path, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "frobnicate"));
  g_assert_cmpint (run (f, "--file", f->path, "init", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "--name"));
  g_assert_cmpint (run (f, "init", "--name", "No file", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "X", "extra", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "demo", "--members", "many", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "xml", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "members", "sing", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "backup", NULL), ==, 2);
  /* Wrong usage changed nothing. */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GBytes) before = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "Riverside TRA", NULL), ==, 0);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  before = cr_test_read_bytes (f->path);

  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "Again", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "commonroom-cli: "));
  g_assert_nonnull (strstr (f->err, "won’t overwrite"));
  {
    g_autoptr (GBytes) after = cr_test_read_bytes (f->path);
    g_assert_true (g_bytes_equal (before, after));
  }

  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "json", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "[]\n");
}

static JsonArray *
parse_array (const char *text,
             JsonParser *parser)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static void
test_demo_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *id_store = NULL;
  JsonArray *array;
  guint n_current = 0, n_former = 0, n_accented = 0, n_apostrophe = 0;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "Old Mill TRA", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "demo", "--members", "120", "--seed", "3", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "120"));

  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "json", NULL), ==, 0);
  array = parse_array (f->out, parser);
  g_assert_cmpuint (json_array_get_length (array), ==, 120);
  id_store = g_new (gint64, 120);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      const char *status = json_object_get_string_member (o, "status");
      const char *name = json_object_get_string_member (o, "name");

      id_store[i] = json_object_get_int_member (o, "id");
      g_assert_cmpint (id_store[i], >, 0);
      g_assert_false (g_hash_table_contains (ids, &id_store[i]));
      g_hash_table_add (ids, &id_store[i]);
      g_assert_true (g_utf8_validate (name, -1, NULL));
      g_assert_cmpstr (name, !=, "");
      g_assert_true (g_str_equal (status, "current") ||
                     g_str_equal (status, "former") ||
                     g_str_equal (status, "none"));
      n_current += g_str_equal (status, "current");
      n_former += g_str_equal (status, "former");
      for (const char *p = name; *p; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) > 0x7f && g_utf8_get_char (p) != 0x2019)
          {
            n_accented++;
            break;
          }
      n_apostrophe += strstr (name, "’") != NULL;
    }
  g_assert_cmpuint (n_current, >, 60);
  g_assert_cmpuint (n_former, >, 0);
  g_assert_cmpuint (n_accented, >, 0);
  g_assert_cmpuint (n_apostrophe, >, 0);

  /* Demo fills only an empty file. */
  g_assert_cmpint (run (f, "--file", f->path, "demo", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "120 people"));

  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "csv", NULL), ==, 0);
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "id,name,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 120 + 1);

  g_assert_cmpint (run (f, "--file", f->path, "members", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Former member"));
}

static void
test_demo_creates_file (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_cmpint (run (f, "demo", "--file", f->path, "--members", "10", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "10 people"));
}

static void
test_backup_and_verify (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.commonroom", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.commonroom", NULL);
  g_autoptr (GBytes) copy_bytes = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "demo", "--members", "40", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "backup", "--output", copy, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", copy, "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "40 people"));

  copy_bytes = cr_test_read_bytes (copy);
  g_assert_cmpint (run (f, "--file", f->path, "backup", "--output", copy, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "already a file"));
  {
    g_autoptr (GBytes) after = cr_test_read_bytes (copy);
    g_assert_true (g_bytes_equal (copy_bytes, after));
  }

  g_assert_cmpint (run (f, "--file", missing, "verify", NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", missing, "members", "list", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "missing.commonroom"));
  g_assert_cmpint (run (f, "--file", missing, "backup", "--output", copy, NULL), ==, 1);
}

static void
assert_verify_refuses (Fixture    *f,
                       const char *path)
{
  g_autoptr (GBytes) before = cr_test_read_bytes (path);
  g_autoptr (GBytes) after = NULL;

  g_assert_cmpint (run (f, "--file", path, "verify", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "commonroom-cli: "));
  g_assert_nonnull (strstr (f->err, "Nothing was changed"));
  g_assert_cmpint (run (f, "--file", path, "members", "list", NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", path, "demo", NULL), ==, 1);
  after = cr_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_verify_damaged (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.commonroom", NULL);
  g_autofree char *random = g_build_filename (f->dir, "random.commonroom", NULL);
  g_autoptr (GBytes) whole = NULL;
  char noise[5000];

  g_assert_cmpint (run (f, "--file", f->path, "demo", NULL), ==, 0);
  whole = cr_test_read_bytes (f->path);
  g_assert_true (g_file_set_contents (truncated, g_bytes_get_data (whole, NULL),
                                      g_bytes_get_size (whole) / 3, NULL));
  assert_verify_refuses (f, truncated);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (random, noise, sizeof noise, NULL));
  assert_verify_refuses (f, random);
  g_assert_nonnull (strstr (f->err, "not a Common Room file"));
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) holder = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "Busy TRA", NULL), ==, 0);
  holder = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run (f, "--file", f->path, "demo", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "already open for editing"));
  /* Readers work beside the writer. */
  g_assert_cmpint (run (f, "--file", f->path, "members", "list", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "verify", NULL), ==, 0);
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *name = NULL;
  JsonArray *array;
  JsonObject *first;
  gint64 id;
  char id_text[32];

  g_assert_cmpint (run (f, "--file", f->path, "demo", "--members", "12", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "json", NULL), ==, 0);
  array = parse_array (f->out, parser);
  first = json_array_get_object_element (array, 0);
  id = json_object_get_int_member (first, "id");
  name = g_strdup (json_object_get_string_member (first, "name"));
  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);

  g_assert_cmpint (run (f, "--file", f->path, "erase", id_text, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, name));
  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "csv", NULL), ==, 0);
  g_assert_null (strstr (f->out, name));
  g_assert_nonnull (strstr (f->out, "Former member #"));
  /* Everyone is still counted. */
  {
    g_auto (GStrv) lines = g_strsplit (f->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 12 + 1);
  }

  g_assert_cmpint (run (f, "--file", f->path, "erase", "99999", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "99999"));
  g_assert_cmpint (run (f, "--file", f->path, "erase", "Smith", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "erase", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "verify", NULL), ==, 0);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "members", name, NULL);
}

/* The people in the file as "Family, Given|postcode|joined" lines, sorted. */
static char *
register_of (Fixture *f)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "json", NULL), ==, 0);
  array = parse_array (f->out, parser);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s",
                                               json_object_get_string_member (o, "name"),
                                               json_object_get_string_member_with_default (o, "postcode", ""),
                                               json_object_get_string_member_with_default (o, "joined", "")));
    }
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_import_members (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *basic = fixture ("basic.csv");
  g_autofree char *semicolon = fixture ("semicolon-bom.csv");
  g_autofree char *cp1252 = fixture ("windows-1252.csv");
  g_autofree char *tabs = fixture ("tabs.tsv");
  g_autofree char *people = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "Import TRA", NULL), ==, 0);

  /* A dry run changes nothing. */
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", basic, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Would add 5 people"));
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", basic, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added 5 people"));

  people = register_of (f);
  /* A quoted name with a comma is "Family, Given"; doubled quotes, CRLF, an
   * address with a line break, lower-case postcodes, both date forms, and
   * an empty Joined (today) all come through. */
  g_assert_nonnull (strstr (people, "Seán Ó Súilleabháin|AV1 2BC|2019-06-30"));
  g_assert_nonnull (strstr (people, "Kwame Mensah|AV1 2BD|2021-02-03"));
  g_assert_nonnull (strstr (people, "Dolores \"Lola\" D’Souza|AV2 7QX|2026-11-22"));
  g_assert_nonnull (strstr (people, "Jan van der Berg|AV3 1AA|2024-09-01"));
  g_clear_pointer (&people, g_free);

  /* Semicolons with a BOM, Windows-1252, tabs. */
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", semicolon, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added 3 people"));
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", cp1252, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", tabs, NULL), ==, 0);
  people = register_of (f);
  g_assert_nonnull (strstr (people, "Aoife Byrne|AV2 7QX|2026-11-22"));
  g_assert_nonnull (strstr (people, "Zoë Nowak|AV1 6FB|2020-02-29"));
  g_assert_nonnull (strstr (people, "Renée François|AV2 1QT|"));
  g_assert_nonnull (strstr (people, "Peter O’Neill|AV4 1AB|"));
  g_assert_nonnull (strstr (people, "Lin Zhou|AV1 2BD|"));

  /* Importing the same file again adds nobody. */
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", basic, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added 0 people"));
  g_assert_nonnull (strstr (f->out, "5 were already in the register"));
  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "json", NULL), ==, 0);
  {
    g_autoptr (JsonParser) parser = json_parser_new ();

    g_assert_cmpuint (json_array_get_length (parse_array (f->out, parser)), ==, 12);
  }
}

static void
test_import_members_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *bad = fixture ("bad-rows.csv");
  g_autofree char *no_names = fixture ("no-names.csv");
  g_autofree char *unterminated = fixture ("unterminated.csv");
  g_autofree char *missing = fixture ("no-such-file.csv");
  g_autofree char *bad_line3 = NULL;
  g_autofree char *bad_line5 = NULL;
  g_autoptr (GBytes) before = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "demo", "--members", "20", NULL), ==, 0);
  before = cr_test_read_bytes (f->path);

  /* Both bad rows are named, with their lines; nothing goes in. */
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", bad, NULL), ==, 1);
  bad_line3 = g_strconcat (bad, ":3: “31/02/2021” is not a date", NULL);
  bad_line5 = g_strconcat (bad, ":5: “zoe at example.org” doesn’t look like an email", NULL);
  g_assert_nonnull (strstr (f->err, bad_line3));
  g_assert_nonnull (strstr (f->err, bad_line5));
  g_assert_nonnull (strstr (f->err, "Nothing was imported"));
  g_assert_true (g_bytes_equal (before, cr_test_read_bytes (f->path)));

  g_assert_cmpint (run (f, "--file", f->path, "import", "members", no_names, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "No column holds names"));
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", unterminated, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, ":3:"));
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", missing, NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "import", "nonsense", bad, NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", "--help", NULL), ==, 0);
  g_assert_true (g_bytes_equal (before, cr_test_read_bytes (f->path)));
  g_assert_cmpint (run (f, "--file", f->path, "verify", NULL), ==, 0);
}

/* Reads a workbook back with openpyxl (tests/read-xlsx.py), as JSON. */
static JsonObject *
read_workbook (const char *path,
               JsonParser *parser)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s", err);
      return NULL;
    }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The row (1-based) whose column A holds @family, or 0. */
static guint
row_of (JsonObject *cells,
        const char *family)
{
  for (guint r = 5; r < 10000; r++)
    {
      g_autofree char *ref = g_strdup_printf ("A%u", r);
      JsonObject *cell;

      if (!json_object_has_member (cells, ref))
        return 0;
      cell = json_object_get_object_member (cells, ref);
      if (g_strcmp0 (json_object_get_string_member (cell, "value"), family) == 0)
        return r;
    }
  return 0;
}

static JsonObject *
cell_at (JsonObject *cells,
         char        column,
         guint       row)
{
  g_autofree char *ref = g_strdup_printf ("%c%u", column, row);

  return json_object_has_member (cells, ref)
         ? json_object_get_object_member (cells, ref) : NULL;
}

static void
test_export_members (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *basic = fixture ("basic.csv");
  g_autofree char *xlsx = g_build_filename (f->dir, "register.xlsx", NULL);
  g_autofree char *bare = g_build_filename (f->dir, "no-contact.xlsx", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) parser2 = json_parser_new ();
  JsonObject *book, *sheet, *cells, *cell;
  guint row;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("Debian's python3 with python3-openpyxl is needed to read workbooks");
      return;
    }
  g_assert_cmpint (run (f, "--file", f->path, "init", "--name", "Export TRA", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "import", "members", basic, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "export", "members", "--output", xlsx, NULL), ==, 0);

  book = read_workbook (xlsx, parser);
  if (book == NULL)
    {
      g_test_skip ("openpyxl could not be imported by /usr/bin/python3");
      return;
    }
  sheet = json_object_get_object_member (json_object_get_object_member (book, "sheets"), "Register");
  cells = json_object_get_object_member (sheet, "cells");
  g_assert_cmpstr (json_object_get_string_member (cell_at (cells, 'A', 1), "value"), ==,
                   "Export TRA: membership register");
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==, "A5");
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A4:N9");
  g_assert_cmpstr (json_object_get_string_member (cell_at (cells, 'G', 4), "value"), ==, "Email");

  /* Accents, a line break inside an address, a +44 number: all text. */
  row = row_of (cells, "Ó Súilleabháin");
  g_assert_cmpuint (row, >, 0);
  g_assert_cmpstr (json_object_get_string_member (cell_at (cells, 'B', row), "value"), ==, "Seán");
  g_assert_cmpstr (json_object_get_string_member (cell_at (cells, 'C', row), "value"), ==,
                   "Flat 3\nBirch House");
  cell = cell_at (cells, 'M', row);
  g_assert_true (json_object_get_boolean_member (cell, "is_date"));
  g_assert_cmpstr (json_object_get_string_member (cell, "number_format"), ==, "dd/mm/yyyy");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, "2019-06-30T00:00:00");
  row = row_of (cells, "Mensah");
  cell = cell_at (cells, 'F', row);
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, "+44 7700 900123");
  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (cell_at (cells, 'G', row), "value"), ==,
                   "k.mensah@example.org");
  g_assert_cmpstr (json_object_get_string_member (cell_at (cells, 'H', row), "value"), ==, "Yes");
  /* Amira gave an email but no consent: it stays off the list. */
  row = row_of (cells, "Haddad");
  g_assert_cmpuint (row, >, 0);
  g_assert_null (cell_at (cells, 'G', row));
  g_assert_null (cell_at (cells, 'F', row));
  g_assert_cmpstr (json_object_get_string_member (cell_at (cells, 'H', row), "value"), ==, "No");
  g_assert_true (json_object_has_member (json_object_get_object_member (book, "sheets"), "About"));

  /* Without contact details: no phone, no email, anywhere. */
  g_assert_cmpint (run (f, "--file", f->path, "export", "members", "--no-contact",
                        "--output", bare, NULL), ==, 0);
  book = read_workbook (bare, parser2);
  sheet = json_object_get_object_member (json_object_get_object_member (book, "sheets"), "Register");
  cells = json_object_get_object_member (sheet, "cells");
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A4:J9");
  {
    g_autoptr (GList) refs = json_object_get_members (cells);

    for (GList *l = refs; l != NULL; l = l->next)
      {
        const char *value = json_object_get_string_member (json_object_get_object_member (cells, l->data), "value");

        g_assert_null (strstr (value ? value : "", "@example.org"));
        g_assert_null (strstr (value ? value : "", "7700"));
      }
  }

  /* Wrong usage and a bad group are refused; no file is left. */
  g_assert_cmpint (run (f, "--file", f->path, "export", "members", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "export", "nonsense", "--output", xlsx, NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", f->path, "export", "members", "--group", "No Such Group",
                        "--output", "/nonexistent/x.xlsx", NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", f->path, "export", "members",
                        "--output", "/nonexistent/folder/x.xlsx", NULL), ==, 1);
  g_assert_false (g_file_test ("/nonexistent/folder/x.xlsx", G_FILE_TEST_EXISTS));
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.commonroom", NULL);
  g_autoptr (GBytes) before = NULL;

  g_assert_cmpint (run (f, "--file", f->path, "demo", "--members", "8", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "restore", "--list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "no automatic backups"));
  g_assert_cmpint (run (f, "--file", f->path, "backup", "--output", copy, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "erase", "1", NULL), ==, 0);

  g_assert_cmpint (run (f, "--file", f->path, "restore", copy, NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", f->path, "members", "list", "--format", "csv", NULL), ==, 0);
  g_assert_null (strstr (f->out, "Former member #1"));
  g_assert_cmpint (run (f, "--file", f->path, "restore", "--list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "before restore"));

  /* Refusals leave the file as it was. */
  before = cr_test_read_bytes (f->path);
  g_assert_cmpint (run (f, "--file", f->path, "restore", f->path, NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", f->path, "restore", "/nonexistent.commonroom", NULL), ==, 1);
  g_assert_cmpint (run (f, "--file", f->path, "restore", NULL), ==, 2);
  g_assert_true (g_bytes_equal (before, cr_test_read_bytes (f->path)));
  g_assert_cmpint (run (f, "--file", f->path, "verify", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/help", test_help);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/init", test_init);
  ADD ("/cli/demo/list", test_demo_and_list);
  ADD ("/cli/demo/creates-file", test_demo_creates_file);
  ADD ("/cli/backup-verify", test_backup_and_verify);
  ADD ("/cli/verify/damaged", test_verify_damaged);
  ADD ("/cli/locked", test_locked);
  ADD ("/cli/erase", test_erase);
  ADD ("/cli/restore", test_restore);
  ADD ("/cli/import/members", test_import_members);
  ADD ("/cli/import/refused", test_import_members_refused);
  ADD ("/cli/export/members", test_export_members);

#undef ADD

  return g_test_run ();
}
