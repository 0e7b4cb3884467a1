/* test-house-format.c: every report of the app in the one house format
 *
 * Makes every workbook the app writes from one demo file, through the
 * command line as a user would, reads each back with an independent reader
 * (tests/read-xlsx.py, openpyxl) and checks, sheet by sheet, what DESIGN.md
 * ("Reports for the council") asks of all of them: the title in row 1 in
 * the house font naming the association, the period line in row 2, a
 * bold header in row 4 frozen below, a filter on every table, A4 fitted
 * to the width, landscape when wide, the header repeated on each printed
 * page, the same fonts and number formats, and an "About" sheet last
 * naming the source file. A report that drifts from cr-xlsx.c fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-demo.h"
#include "cr-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define PYTHON "/usr/bin/python3"

/* What cr-xlsx.c writes (DESIGN.md); anything else is drift. */
#define TITLE_SIZE      14.0
#define BODY_SIZE       11.0
#define PAPER_A4        9
#define LANDSCAPE_WIDTH 100.0
#define PERIOD_PATTERN                                                       \
  "^(Year [0-9]{4}|[0-9]{2}/[0-9]{2}/[0-9]{4} to [0-9]{2}/[0-9]{2}/[0-9]{4}" \
  "|From [0-9]{2}/[0-9]{2}/[0-9]{4}|Up to [0-9]{2}/[0-9]{2}/[0-9]{4}"        \
  "|All dates|As at [0-9]{2}/[0-9]{2}/[0-9]{4})([;:] .+)?$"

static const char *const number_formats[] = {
  "0", "0%", "£#,##0.00", "dd/mm/yyyy", "dd/mm/yyyy hh:mm", NULL,
};

typedef struct
{
  char *dir;
  char *path;
  char *group;     /* a group with meetings, for its register */
  char *person_id; /* someone in the register, for subject access */
} Fixture;

static JsonNode *
read_back (const char *path)
{
  g_autofree char *script =
      g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char      *argv[] = { PYTHON, script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  int status = 0;

  /* No skipping: without openpyxl nothing here would be checked. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("read-xlsx.py failed (it needs %s with openpyxl): %s\n%s", PYTHON,
             error->message, err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The first element of `COMMAND list --format json`, as a string. */
static char *
first_of (Fixture *f, const char *command, const char *member)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *first;

  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, command, "list",
                                    "--format", "json", NULL),
                   ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (
                        json_node_get_array (json_parser_get_root (parser))),
                    >, 0);
  first = json_array_get_object_element (
      json_node_get_array (json_parser_get_root (parser)), 0);
  if (json_node_get_value_type (json_object_get_member (first, member)) ==
      G_TYPE_STRING)
    return g_strdup (json_object_get_string_member (first, member));
  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (first, member));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = cr_test_make_tmpdir ("test-house-format-XXXXXX");
  f->path = g_build_filename (f->dir, "estate.commonroom", NULL);
  cr_test_make_demo (f->path, 40);
  f->group = first_of (f, "meetings", "group");
  f->person_id = first_of (f, "members", "id");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->group);
  g_free (f->person_id);
}

static JsonObject *
cell (JsonObject *sheet, const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");

  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

static const char *
string_at (JsonObject *sheet, const char *ref)
{
  JsonObject *c = cell (sheet, ref);

  if (c == NULL ||
      g_strcmp0 (json_object_get_string_member (c, "type"), "s") != 0)
    return NULL;
  return json_object_get_string_member (c, "value");
}

/* The value beside @label in an About sheet's column A. */
static const char *
about_value (JsonObject *about, const char *label)
{
  for (guint row = 1; row < 100; row++)
    {
      g_autofree char *a = g_strdup_printf ("A%u", row);
      g_autofree char *b = g_strdup_printf ("B%u", row);

      if (g_strcmp0 (string_at (about, a), label) == 0)
        return string_at (about, b);
    }
  return NULL;
}

static gboolean
is_row (const char *ref, guint row)
{
  const char *p = ref;

  while (g_ascii_isalpha (*p))
    p++;
  return (guint) atoi (p) == row;
}

/* One sheet of a report: the house layout, fonts and print set-up. */
static void
check_sheet (const char *report,
             const char *name,
             JsonObject *sheet,
             const char *title_prefix,
             gboolean    table)
{
  JsonObject *print = json_object_get_object_member (sheet, "print");
  JsonObject *cells = json_object_get_object_member (sheet, "cells");
  JsonObject *a1 = cell (sheet, "A1");
  JsonObject *a2 = cell (sheet, "A2");
  const char *title;
  const char *filter;
  g_autoptr (GList) refs = NULL;
  guint  n_header = 0;
  double width;

  g_test_message ("%s, sheet “%s”", report, name);

  /* Row 1: the title, bold, in the title's size, naming who it is of. */
  g_assert_nonnull (a1);
  title = string_at (sheet, "A1");
  g_assert_nonnull (title);
  g_assert_true (json_object_get_boolean_member (a1, "bold"));
  g_assert_cmpfloat (json_object_get_double_member (a1, "font_size"), ==,
                     TITLE_SIZE);
  if (title_prefix != NULL && !g_str_has_prefix (title, title_prefix))
    g_error ("%s: “%s” is titled “%s”, not after “%s”", report, name, title,
             title_prefix);
  /* The printed page's header is the title, cut short if long. */
  {
    const char *header = json_object_get_string_member (print, "header_center");

    g_assert_nonnull (header);
    g_assert_cmpuint (strlen (header), >, 0);
    g_assert_true (g_str_has_prefix (title, header));
  }

  /* Row 2: the period, in italics, in one of the house's wordings. */
  g_assert_nonnull (a2);
  g_assert_true (json_object_get_boolean_member (a2, "italic"));
  if (!g_regex_match_simple (PERIOD_PATTERN, string_at (sheet, "A2"), 0, 0))
    g_error ("%s: “%s” has the period line “%s”", report, name,
             string_at (sheet, "A2"));

  /* Row 4: the header, all bold, frozen below and printed on each page. */
  refs = json_object_get_members (cells);
  for (GList *l = refs; l != NULL; l = l->next)
    {
      JsonObject *c = json_object_get_object_member (cells, l->data);
      const char *type = json_object_get_string_member (c, "type");
      const char *format = json_object_get_string_member (c, "number_format");

      if (is_row (l->data, 4))
        {
          g_assert_true (json_object_get_boolean_member (c, "bold"));
          n_header++;
        }
      /* One font throughout, in one size but for the title. */
      g_assert_cmpstr (json_object_get_string_member (c, "font_name"), ==,
                       json_object_get_string_member (a1, "font_name"));
      if (g_strcmp0 (l->data, "A1") != 0)
        g_assert_cmpfloat (json_object_get_double_member (c, "font_size"), ==,
                           BODY_SIZE);
      /* Every number and date in one of the house's formats. */
      if (g_strcmp0 (type, "n") == 0 || g_strcmp0 (type, "f") == 0 ||
          g_strcmp0 (type, "d") == 0)
        {
          if (!g_strv_contains (number_formats, format))
            g_error ("%s: “%s”!%s is formatted “%s”", report, name,
                     (char *) l->data, format);
        }
    }
  g_assert_cmpuint (n_header, >, 0);
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==,
                   "A5");
  g_assert_cmpstr (json_object_get_string_member (print, "print_title_rows"),
                   ==, "$4:$4");

  /* A table is filtered from its header; a form (a cover) is not. */
  filter = json_object_get_string_member (sheet, "auto_filter");
  if (table)
    {
      if (filter == NULL || !g_str_has_prefix (filter, "A4:"))
        g_error ("%s: “%s” has no filter on its header (%s)", report, name,
                 filter);
    }
  else
    g_assert_null (filter);

  /* A4, as wide as the page, as many pages down as it takes. */
  g_assert_cmpint (json_object_get_int_member (print, "paper_size"), ==,
                   PAPER_A4);
  g_assert_true (json_object_get_boolean_member (print, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (print, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (print, "fit_to_height"), ==, 0);
  width = json_object_get_double_member (sheet, "total_width");
  g_assert_cmpstr (json_object_get_string_member (print, "orientation"), ==,
                   width > LANDSCAPE_WIDTH ? "landscape" : "portrait");
  g_assert_cmpstr (json_object_get_string_member (print, "footer_right"), ==,
                   "Page &P of &N");
}

typedef struct
{
  const char *name;       /* what the test calls it */
  const char *file;       /* the workbook it writes */
  const char *args[8];    /* the command line, after --file */
  const char *form_sheet; /* the one sheet that is a form, if any */
  gboolean    group;      /* titled after the group asked for */
  gboolean    own_titles; /* sheets after the first keep their titles */
} Report;

static void
test_every_report (Fixture *f, gconstpointer data)
{
  const Report reports[] = {
    { "members", "members.xlsx", { "export", "members" } },
    { "attendance register",
      "register.xlsx",
      { "export", "attendance", "--group", f->group },
      NULL,
      TRUE },
    { "actions", "actions.xlsx", { "export", "actions" } },
    { "grants",
      "grants.xlsx",
      { "export", "grants", "--from", "2026-01-01", "--to", "2026-12-31" } },
    { "training", "training.xlsx", { "export", "training" } },
    { "workplan", "workplan.xlsx", { "export", "workplan" } },
    { "annual",
      "annual.xlsx",
      { "export", "annual", "--year", "2026" },
      "Cover" },
    /* The tables of a subject access request keep the table's own name
     * as their title (test-privacy.c finds them by it). */
    { "subject access",
      "subject.xlsx",
      { "subject-access", f->person_id },
      NULL,
      FALSE,
      TRUE },
  };
  g_autofree char *source = g_path_get_basename (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      const Report    *r = &reports[i];
      g_autofree char *out = g_build_filename (f->dir, r->file, NULL);
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *stdout_text = NULL;
      g_autofree char *stderr_text = NULL;
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *association_prefix = NULL;
      g_autofree char *group_prefix = NULL;
      g_autoptr (GError) error = NULL;
      JsonObject *sheets;
      JsonArray  *names;
      JsonObject *about;
      guint       n;
      int         status;

      g_ptr_array_add (argv, (gpointer) g_getenv ("CR_CLI"));
      g_ptr_array_add (argv, (gpointer) "--file");
      g_ptr_array_add (argv, f->path);
      for (guint a = 0; a < G_N_ELEMENTS (r->args) && r->args[a] != NULL; a++)
        g_ptr_array_add (argv, (gpointer) r->args[a]);
      g_ptr_array_add (argv, (gpointer) "--output");
      g_ptr_array_add (argv, out);
      g_ptr_array_add (argv, NULL);
      g_assert_nonnull (argv->pdata[0]);
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL,
                    NULL, &stdout_text, &stderr_text, &status, &error);
      g_assert_no_error (error);
      status = g_spawn_check_wait_status (status, NULL) ? 0 : 1;
      if (status != 0)
        g_error ("%s: the command failed: %s", r->name, stderr_text);

      root = read_back (out);
      sheets =
          json_object_get_object_member (json_node_get_object (root), "sheets");
      names = json_object_get_array_member (json_node_get_object (root),
                                            "sheet_names");
      n = json_array_get_length (names);
      g_assert_cmpuint (n, >=, 2);

      /* The About sheet, last, says what was made from which file. */
      g_assert_cmpstr (json_array_get_string_element (names, n - 1), ==,
                       "About");
      about = json_object_get_object_member (sheets, "About");
      g_assert_cmpstr (about_value (about, "From file"), ==, source);
      g_assert_cmpstr (about_value (about, "Association"), ==,
                       CR_DEMO_ASSOCIATION_NAME);
      g_assert_nonnull (about_value (about, "Report"));

      association_prefix = g_strdup_printf ("%s: ", CR_DEMO_ASSOCIATION_NAME);
      group_prefix = g_strdup_printf ("%s: ", f->group);
      for (guint s = 0; s + 1 < n; s++)
        {
          const char *name = json_array_get_string_element (names, s);
          const char *prefix = r->group ? group_prefix : association_prefix;

          if (r->own_titles && s > 0)
            prefix = NULL;
          check_sheet (r->name, name,
                       json_object_get_object_member (sheets, name), prefix,
                       g_strcmp0 (name, r->form_sheet) != 0);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The "As at" lines and the demo's dates are of one fixed day. */
  g_setenv ("CR_TODAY", "2026-11-25", TRUE);

  g_test_add ("/house-format/every-report", Fixture, NULL, fixture_set_up,
              test_every_report, fixture_tear_down);

  return g_test_run ();
}
