/* test-print.c: the printed pages, read back by another reader
 *
 * Each PDF written here is turned back into text by poppler's
 * `pdftotext -layout`, so the tests check what a printer (and a person
 * reading the page) gets, not what we meant to draw. Pages are separated
 * by form feeds in its output, which lets a test look at each page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-page.h"
#include "cr-print-agenda.h"
#include "cr-print-attendance-sheet.h"
#include "cr-print-data.h"
#include "cr-print-minutes.h"

#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#define ASSOCIATION "Ashbourne Vale Tenants’ & Residents’ Association"
#define TODAY_UK    "22/11/2026"

/* With CR_TEST_PRINT_KEEP=DIR, each PDF is copied there to be looked at
 * (`pdftoppm -png -r 60 DIR/agenda.pdf page`). */
static void
keep_pdf (const char *path)
{
  const char *keep = g_getenv ("CR_TEST_PRINT_KEEP");
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  if (keep == NULL || *keep == '\0' ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return;
  name = g_path_get_basename (path);
  copy = g_build_filename (keep, name, NULL);
  g_file_set_contents (copy, contents, (gssize) length, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names in @dir, sorted, joined by spaces: "" when empty. */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The PDF's text, one string a page; %NULL (and the test skipped) when
 * poppler's pdftotext is not installed. */
static GStrv
read_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) parts = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed; "
                   "the PDF cannot be read back");
      return NULL;
    }

  {
    const char *argv[] = { program, "-layout", "-enc", "UTF-8", path, "-",
                           NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext failed on %s: %s", path, err);

  /* Each page ends with a form feed; the text after the last is empty. */
  parts = g_strsplit (out, "\f", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i + 1] != NULL || *g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL;
       p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* The line of @text that begins (after its indent) with @start. */
static char *
line_starting (const char *text,
               const char *start)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), start))
      return g_strdup (lines[i]);
  return NULL;
}

/* @text with every run of white space made one space, for text that a
 * page may wrap (a long association's name in large type). */
static char *
squash (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_page_furniture (GStrv       pages,
                      int         n_pages,
                      const char *running)
{
  g_assert_cmpint (g_strv_length (pages), ==, n_pages);

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1,
                                                 n_pages);
      g_autofree char *squashed = squash (pages[i]);

      g_test_message ("page %d", i + 1);
      g_assert_nonnull (strstr (squashed, ASSOCIATION));
      g_assert_nonnull (strstr (pages[i], number));
      g_assert_nonnull (strstr (pages[i], "Printed on " TODAY_UK
                                          " by Common Room"));
      if (i > 0)
        g_assert_nonnull (strstr (pages[i], running));
    }
}

static void
fill_meeting (CrPrintMeeting *meeting)
{
  meeting->association = g_strdup (ASSOCIATION);
  meeting->group = g_strdup ("Management committee");
  meeting->date = g_strdup ("2026-11-24");
  meeting->start_time = g_strdup ("19:00");
  meeting->venue = g_strdup ("Community Room, St Mary’s Hall");
  meeting->kind = g_strdup ("Ordinary meeting");
}

/* ---- the sign-in sheet ------------------------------------------------ */

static const char *const families[] = {
  "Adeyemi", "Baker", "Chowdhury", "Davies", "Evans", "Fraser", "Gallagher",
  "Hughes", "Iqbal", "Jones", "Kowalski", "Lewis", "McCarthy", "Nowak",
  "Okafor", "Patel", "Quinn", "Roberts", "Singh", "Thompson", "Underwood",
  "Vaughan", "Walsh", "Yilmaz", "Zhang",
};

static const char *const givens[] = {
  "Amira", "Bethan", "Connor", "Dylan", "Efua", "Farah", "Gareth", "Hana",
  "Ifeoma", "Jack", "Kasia", "Liam",
};

static CrSheetData *
make_sheet (void)
{
  CrSheetData *data = cr_sheet_data_new ();

  fill_meeting (&data->meeting);
  for (guint i = 0; i < G_N_ELEMENTS (families) * G_N_ELEMENTS (givens); i++)
    cr_sheet_data_add_person (data,
                              families[i % G_N_ELEMENTS (families)],
                              givens[i / G_N_ELEMENTS (families)], NULL);

  cr_sheet_data_add_person (data, "Ó Súilleabháin", "Siobhán",
                            "Apologies sent");
  cr_sheet_data_add_person (data, "O'Brien", "Tom", "Co-opted");
  cr_sheet_data_add_person (data, "Obi", "Chidi", NULL);
  cr_sheet_data_add_person (data, "Zając", "Łukasz",
                            "Suspended — may not vote");
  cr_sheet_data_add_person (data, "Begum", "Aisha", "Deputy");
  cr_sheet_data_add_person (data, "Émond", "Zoë", NULL);
  cr_sheet_data_add_person (data, "de Souza", "Marta", NULL);
  cr_sheet_data_add_person (data, "Wolstenholme-Fotheringham",
                            "Anastasia-Rose", NULL);
  cr_sheet_data_add_person (data, "Ng", "Li <Lily> & Co", NULL);
  data->n_walk_in_rows = 4;
  data->n_guest_rows = 10;
  return data;
}

/* The filing order, worked out here independently of the code under test:
 * letters and digits only, accents stripped, case folded. */
static char *
test_key (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr (GString) plain = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (plain, g_utf8_get_char (p));
  return g_utf8_casefold (plain->str, -1);
}

static gboolean
starts_a_wanted_name (GHashTable *wanted,
                      const char *text)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, text) && strcmp (key, text) != 0)
      return TRUE;
  return FALSE;
}

static int
compare_filed (gconstpointer a,
               gconstpointer b)
{
  const CrPrintPerson *x = *(CrPrintPerson *const *) a;
  const CrPrintPerson *y = *(CrPrintPerson *const *) b;
  g_autofree char *fx = test_key (x->family_name);
  g_autofree char *fy = test_key (y->family_name);
  g_autofree char *gx = test_key (x->given_name);
  g_autofree char *gy = test_key (y->given_name);
  int result = strcmp (fx, fy);

  return result != 0 ? result : strcmp (gx, gy);
}

static void
test_sheet (void)
{
  g_autoptr (CrSheetData) data = make_sheet ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "sign-in.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GHashTable) wanted = g_hash_table_new_full (g_str_hash,
                                                         g_str_equal,
                                                         g_free, NULL);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *line = NULL;
  int n_pages;

  n_pages = cr_print_attendance_sheet_get_n_pages (data);
  g_assert_cmpint (n_pages, >=, 5);
  g_assert_true (cr_print_attendance_sheet_to_pdf (data, path, &error));
  g_assert_no_error (error);

  keep_pdf (path);
  pages = read_pages (path);
  if (pages == NULL)
    {
      cr_test_remove_tree (dir);
      return;
    }
  check_page_furniture (pages, n_pages,
                        "Attendance sign-in sheet · Management committee · "
                        "24/11/2026");
  all = g_strjoinv ("\n", pages);

  {
    g_autofree char *first = squash (pages[0]);

    g_assert_nonnull (strstr (first, "Tuesday 24 November 2026 at 19:00 · "
                                     "Ordinary meeting Community Room, St "
                                     "Mary’s Hall"));
  }

  /* Every expected person once, in filing order. A table row's name is
   * the text of its line up to the first wide gap. */
  expected = g_ptr_array_copy (data->expected, NULL, NULL);
  g_ptr_array_set_free_func (expected, NULL);
  g_ptr_array_sort (expected, compare_filed);
  for (guint i = 0; i < expected->len; i++)
    g_hash_table_add (wanted,
                      cr_print_person_dup_filed_name (g_ptr_array_index (expected, i)));

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto (GStrv) lines = g_strsplit (pages[p], "\n", -1);
      g_autofree char *held = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *start = g_strchug (lines[i]);
          char *gap = strstr (start, "  ");
          g_autofree char *name = gap != NULL ? g_strndup (start, gap - start)
                                              : g_strdup (start);

          /* A name too long for its column goes on over the next lines;
           * Pango may break it after a hyphen. */
          if (held != NULL && *name != '\0')
            {
              gboolean hyphen = g_str_has_suffix (held, "-");
              g_autofree char *joined = g_strconcat (held, hyphen ? "" : " ",
                                                     name, NULL);

              g_clear_pointer (&held, g_free);
              if (g_hash_table_contains (wanted, joined))
                {
                  g_ptr_array_add (found, g_steal_pointer (&joined));
                  continue;
                }
              if (starts_a_wanted_name (wanted, joined))
                {
                  held = g_steal_pointer (&joined);
                  continue;
                }
            }
          if (g_hash_table_contains (wanted, name))
            g_ptr_array_add (found, g_steal_pointer (&name));
          else if (*name != '\0' && starts_a_wanted_name (wanted, name))
            held = g_steal_pointer (&name);
        }
    }
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *name =
        cr_print_person_dup_filed_name (g_ptr_array_index (expected, i));

      g_assert_cmpstr (g_ptr_array_index (found, i), ==, name);
      if (strlen (name) < 30)
        g_assert_cmpuint (count (all, name), ==, 1);
    }

  /* Among the O's, by the letters of the name. */
  g_assert_cmpint (strstr (all, "Obi, Chidi") - all, <,
                   strstr (all, "O'Brien, Tom") - all);
  g_assert_cmpint (strstr (all, "O'Brien, Tom") - all, <,
                   strstr (all, "Ó Súilleabháin, Siobhán") - all);
  g_assert_cmpint (strstr (all, "Okafor, Liam") - all, <,
                   strstr (all, "Ó Súilleabháin, Siobhán") - all);
  g_assert_cmpint (strstr (all, "Ó Súilleabháin, Siobhán") - all, <,
                   strstr (all, "Patel, Amira") - all);
  g_assert_cmpint (strstr (all, "Davies, Liam") - all, <,
                   strstr (all, "de Souza, Marta") - all);
  g_assert_cmpint (strstr (all, "de Souza, Marta") - all, <,
                   strstr (all, "Émond, Zoë") - all);
  g_assert_cmpint (strstr (all, "Émond, Zoë") - all, <,
                   strstr (all, "Evans, Amira") - all);

  /* Each note on its own person's line. */
  g_assert_cmpuint (count (all, "Apologies sent"), ==, 1);
  line = line_starting (all, "Ó Súilleabháin, Siobhán");
  g_assert_nonnull (strstr (line, "Apologies sent"));
  g_clear_pointer (&line, g_free);
  line = line_starting (all, "Zając, Łukasz");
  g_assert_nonnull (strstr (line, "Suspended"));
  {
    g_autofree char *squashed = squash (all);

    g_assert_nonnull (strstr (squashed, "Suspended — may not vote"));
  }
  g_clear_pointer (&line, g_free);
  line = line_starting (all, "O'Brien, Tom");
  g_assert_nonnull (strstr (line, "Co-opted"));

  /* The header row on every page the list runs onto. */
  for (int i = 0; i < n_pages - 1; i++)
    {
      g_assert_nonnull (strstr (pages[i], "Name"));
      g_assert_nonnull (strstr (pages[i], "Signature"));
    }
  g_assert_nonnull (strstr (pages[1], "Members (continued)"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Guests and visitors"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Organisation"));

  g_assert_null (strstr (all, ".part"));
  {
    g_autofree char *listing = list_dir (dir);

    g_assert_cmpstr (listing, ==, "sign-in.pdf");
  }
  cr_test_remove_tree (dir);
}

/* Pages are drawn on their own, in any order, as a print dialog asks for
 * them: a page looks the same whichever was drawn before it. */
static void
test_sheet_pages_independent (void)
{
  g_autoptr (CrSheetData) data = make_sheet ();
  int n_pages = cr_print_attendance_sheet_get_n_pages (data);
  int order[] = { 2, 0, n_pages - 1, 1, 2 };
  GBytes *first_two = NULL;
  double scale = 0.5;
  int w = (int) (CR_PAGE_A4_WIDTH * scale);
  int h = (int) (CR_PAGE_A4_HEIGHT * scale);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                             w, h);
      cairo_t *cr = cairo_create (surface);
      GBytes *pixels;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      cr_print_attendance_sheet_draw_page (data, cr, order[k],
                                           CR_PAGE_A4_WIDTH,
                                           CR_PAGE_A4_HEIGHT);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                            (gsize) cairo_image_surface_get_stride (surface) * h);
      if (k == 0)
        first_two = pixels;
      else if (order[k] == order[0])
        {
          g_assert_true (g_bytes_equal (first_two, pixels));
          g_bytes_unref (pixels);
        }
      else
        {
          g_assert_false (g_bytes_equal (first_two, pixels));
          g_bytes_unref (pixels);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_bytes_unref (first_two);

  /* US Letter: the A4 page scaled to fit, nothing cut off. */
  {
    cairo_surface_t *surface = cairo_recording_surface_create (
      CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);
    double x, y, width, height;

    cr_print_attendance_sheet_draw_page (data, cr, 0, 612, 792);
    cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
    g_assert_cmpfloat (x, >=, 0);
    g_assert_cmpfloat (y, >=, 0);
    g_assert_cmpfloat (x + width, <=, 612);
    g_assert_cmpfloat (y + height, <=, 792);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_sort (void)
{
  const char *const names[][2] = {
    { "Zhang", "Wei" }, { "Ó Súilleabháin", "Siobhán" }, { "O'Brien", "Tom" },
    { "obi", "Chidi" }, { "Okafor", "Ada" }, { "Émond", "Zoë" },
    { "Evans", "Amy" }, { "Adeyemi", "Tunde" }, { "O'Brien", "Anne" },
  };
  const char *const sorted_names[] = {
    "Adeyemi", "Émond", "Evans", "obi", "O'Brien", "O'Brien", "Okafor",
    "Ó Súilleabháin", "Zhang",
  };
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cr_print_person_free);
  g_autoptr (GPtrArray) sorted = NULL;
  CrPrintPerson *anne;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (people, cr_print_person_new (names[i][0], names[i][1],
                                                  NULL));
  sorted = cr_print_people_sorted (people);
  g_assert_cmpuint (sorted->len, ==, G_N_ELEMENTS (sorted_names));
  for (guint i = 0; i < sorted->len; i++)
    g_assert_cmpstr (((CrPrintPerson *) g_ptr_array_index (sorted, i))->family_name,
                     ==, sorted_names[i]);
  anne = g_ptr_array_index (sorted, 4);
  g_assert_cmpstr (anne->given_name, ==, "Anne");
  g_assert_cmpint (cr_print_person_compare (g_ptr_array_index (sorted, 4),
                                            g_ptr_array_index (sorted, 5)),
                   <, 0);
}

/* ---- the agenda ------------------------------------------------------- */

static void
test_agenda (void)
{
  g_autoptr (CrAgendaData) data = cr_agenda_data_new ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "agenda.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *aob_line = NULL;
  const char *const titles[] = {
    "Welcome and apologies",
    "Declarations of interest",
    "Minutes of the last meeting and matters arising",
    "Repairs: the lifts at Vale Court and the council’s response",
    "Treasurer’s report",
    "Grant application to the Ashbourne Community Chest",
  };
  const char *last;
  int n_pages;

  fill_meeting (&data->meeting);
  data->papers_sent = g_strdup ("2026-11-16");
  cr_agenda_data_add_item (data, titles[0], NULL, FALSE);
  /* Entered early, printed last. */
  cr_agenda_data_add_item (data, "Any other business", NULL, TRUE);
  cr_agenda_data_add_item (data, titles[1], NULL, FALSE);
  cr_agenda_data_add_item (data, titles[2], NULL, FALSE);
  cr_agenda_data_add_item (data, titles[3], "Tom O’Brien", FALSE);
  cr_agenda_data_add_item (data, titles[4], "Siobhán Ó Súilleabháin", FALSE);
  cr_agenda_data_add_item (data, titles[5], "Aisha Begum", FALSE);

  n_pages = cr_print_agenda_get_n_pages (data);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_true (cr_print_agenda_to_pdf (data, path, &error));
  g_assert_no_error (error);

  keep_pdf (path);
  pages = read_pages (path);
  if (pages == NULL)
    {
      cr_test_remove_tree (dir);
      return;
    }
  check_page_furniture (pages, n_pages, "Agenda · Management committee");
  all = g_strjoinv ("\n", pages);

  g_assert_nonnull (strstr (all, "Agenda · Management committee"));
  g_assert_nonnull (strstr (all, "Papers sent on Monday 16 November 2026."));
  g_assert_nonnull (strstr (all, "Proposed by Tom O’Brien"));
  g_assert_nonnull (strstr (all, "Proposed by Siobhán Ó Súilleabháin"));

  /* In order, numbered 1 to 6, with any other business last as 7. */
  last = all;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%u", i + 1);
      g_autofree char *line = line_starting (all, numbered);
      const char *at = strstr (all, titles[i]);

      g_assert_nonnull (at);
      g_assert_cmpint (at - last, >, 0);
      last = at;
      g_assert_nonnull (line);
      g_assert_nonnull (strstr (line, titles[i]));
    }
  g_assert_cmpuint (count (all, "Any other business"), ==, 1);
  g_assert_cmpint (strstr (all, "Any other business") - last, >, 0);
  aob_line = line_starting (all, "7");
  g_assert_nonnull (aob_line);
  g_assert_nonnull (strstr (aob_line, "Any other business"));
  cr_test_remove_tree (dir);
}

/* ---- the minutes ------------------------------------------------------ */

static const char *const paragraph =
  "The secretary reported that the council’s housing officer had visited "
  "Vale Court twice since the last meeting and had agreed that the lift "
  "in Block B would be repaired by the end of the month. Residents on the "
  "upper floors said that they had heard this before, and asked the "
  "committee to keep pressing for a date in writing. It was noted that "
  "two residents with mobility problems had been unable to leave their "
  "flats for nine days in October.";

static CrMinutesData *
make_minutes (void)
{
  CrMinutesData *data = cr_minutes_data_new ();
  CrPrintMinutesItem *item;
  CrPrintDecision *decision;
  g_autoptr (GString) long_text = g_string_new (NULL);

  fill_meeting (&data->meeting);
  g_ptr_array_add (data->present, cr_print_person_new ("Begum", "Aisha",
                                                       "Chair"));
  g_ptr_array_add (data->present, cr_print_person_new ("O'Brien", "Tom",
                                                       "Treasurer"));
  g_ptr_array_add (data->present, cr_print_person_new ("Zając", "Łukasz",
                                                       NULL));
  g_ptr_array_add (data->present, cr_print_person_new ("Davies", "Bethan",
                                                       "Secretary"));
  g_ptr_array_add (data->present, cr_print_person_new ("Okafor", "Efua",
                                                       NULL));
  g_ptr_array_add (data->present, cr_print_person_new ("Walsh", "Liam",
                                                       "Co-opted"));
  g_ptr_array_add (data->present, cr_print_person_new ("Patel", "Hana",
                                                       NULL));
  g_ptr_array_add (data->apologies,
                   cr_print_person_new ("Ó Súilleabháin", "Siobhán", NULL));
  g_ptr_array_add (data->absent, cr_print_person_new ("Quinn", "Jack", NULL));
  g_ptr_array_add (data->guests,
                   cr_print_person_new ("Fraser", "Gareth",
                                        "Ashbourne Borough Council"));
  data->n_voting_present = 6;
  data->quorum_needed = 4;

  item = cr_minutes_data_add_item (data, "Welcome and apologies",
                                   "The chair welcomed everyone, and "
                                   "Gareth Fraser from the council.");
  item = cr_minutes_data_add_item (data, "Repairs: the lifts at Vale Court",
                                   NULL);
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (long_text, "%s%s (Paragraph %u.)",
                            i > 0 ? "\n\n" : "", paragraph, i + 1);
  g_free (item->text);
  item->text = g_string_free (g_steal_pointer (&long_text), FALSE);
  decision = cr_minutes_item_add_decision (item,
                                           "Write to the Director of Housing "
                                           "about the Block B lift.",
                                           CR_PRINT_OUTCOME_CARRIED);
  decision->method = CR_PRINT_DECISION_VOTE;
  decision->votes_for = 5;
  decision->votes_against = 1;
  decision->votes_abstain = 0;
  cr_minutes_item_add_action (item, "Draft the letter to the Director",
                              "Bethan Davies", "2026-12-05");
  cr_minutes_item_add_action (item, "Collect residents’ accounts of the "
                              "lift outages", "Tom O'Brien", NULL);

  item = cr_minutes_data_add_item (data, "Christmas party",
                                   "Two venues were discussed.");
  decision = cr_minutes_item_add_decision (item,
                                           "Hold the party at St Mary’s Hall.",
                                           CR_PRINT_OUTCOME_CARRIED);
  decision->method = CR_PRINT_DECISION_VOTE;
  decision->votes_for = 3;
  decision->votes_against = 3;
  decision->votes_abstain = 1;
  decision->casting_vote = CR_PRINT_CASTING_FOR;
  decision = cr_minutes_item_add_decision (item, "Ask the council for a "
                                           "£200 grant towards it.",
                                           CR_PRINT_OUTCOME_CARRIED);
  decision->to_be_ratified = TRUE;

  item = cr_minutes_data_add_item (data, "Any other business",
                                   "None.");
  return data;
}

static void
test_minutes (void)
{
  g_autoptr (CrMinutesData) data = make_minutes ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "minutes.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *line = NULL;
  int n_pages;

  n_pages = cr_print_minutes_get_n_pages (data);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_true (cr_print_minutes_to_pdf (data, path, &error));
  g_assert_no_error (error);

  keep_pdf (path);
  pages = read_pages (path);
  if (pages == NULL)
    {
      cr_test_remove_tree (dir);
      return;
    }
  check_page_furniture (pages, n_pages,
                        "Minutes · Management committee · 24/11/2026");
  all = g_strjoinv ("\n", pages);

  g_assert_nonnull (strstr (pages[0], "Quorate: 6 voting members present, "
                                      "4 needed."));
  line = line_starting (pages[0], "Present:");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "Aisha Begum (Chair), Bethan Davies "
                                  "(Secretary)"));
  g_clear_pointer (&line, g_free);
  line = line_starting (pages[0], "Apologies:");
  g_assert_nonnull (strstr (line, "Siobhán Ó Súilleabháin"));
  g_clear_pointer (&line, g_free);
  line = line_starting (pages[0], "Absent:");
  g_assert_nonnull (strstr (line, "Jack Quinn"));
  g_assert_nonnull (strstr (pages[0], "Gareth Fraser (Ashbourne Borough "
                                      "Council)"));

  /* The whole of the long minute, in order, across pages. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *mark = g_strdup_printf ("(Paragraph %u.)", i + 1);

      g_assert_cmpuint (count (all, mark), ==, 1);
    }

  g_assert_nonnull (strstr (all, "Decision: Write to the Director of Housing "
                                 "about the Block B lift."));
  g_assert_nonnull (strstr (all, "Carried: 5 for, 1 against, 0 abstentions."));
  g_assert_nonnull (strstr (all, "Hold the party at St Mary’s Hall."));
  g_assert_nonnull (strstr (all, "Carried on the chair’s casting vote (3 for, "
                                 "3 against, 1 abstention)."));
  g_assert_nonnull (strstr (all, "Ask the council for a £200 grant towards "
                                 "it."));
  g_assert_nonnull (strstr (all, "Agreed by consensus."));
  g_assert_cmpuint (count (all, "To be ratified at the next quorate "
                                "meeting."), ==, 1);

  line = line_starting (all, "Draft the letter to the Director");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "Bethan Davies"));
  g_assert_nonnull (strstr (line, "05/12/2026"));
  g_clear_pointer (&line, g_free);
  line = line_starting (all, "Collect residents’ accounts of the lift");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "Tom O'Brien"));

  g_assert_nonnull (strstr (pages[n_pages - 1],
                            "Signed as a true record of the meeting"));
  line = line_starting (pages[n_pages - 1], "Chair");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "Date"));
  cr_test_remove_tree (dir);
}

static void
test_minutes_inquorate (void)
{
  g_autoptr (CrMinutesData) data = make_minutes ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "minutes.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) pages = NULL;

  data->n_voting_present = 3;
  g_assert_true (cr_print_minutes_to_pdf (data, path, &error));
  g_assert_no_error (error);
  keep_pdf (path);
  pages = read_pages (path);
  if (pages != NULL)
    g_assert_nonnull (strstr (pages[0], "Not quorate: 3 voting members "
                                        "present, 4 needed."));
  cr_test_remove_tree (dir);
}

/* ---- failures --------------------------------------------------------- */

static void
test_missing_folder (void)
{
  g_autoptr (CrSheetData) sheet = make_sheet ();
  g_autoptr (CrAgendaData) agenda = cr_agenda_data_new ();
  g_autoptr (CrMinutesData) minutes = make_minutes ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "not-there", NULL);
  g_autofree char *path = g_build_filename (missing, "sheet.pdf", NULL);
  g_autoptr (GError) error = NULL;

  fill_meeting (&agenda->meeting);

  g_assert_false (cr_print_attendance_sheet_to_pdf (sheet, path, &error));
  g_assert_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_NO_FOLDER);
  g_assert_nonnull (strstr (error->message, "not-there"));
  g_clear_error (&error);
  g_assert_false (cr_print_agenda_to_pdf (agenda, path, &error));
  g_assert_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_NO_FOLDER);
  g_clear_error (&error);
  g_assert_false (cr_print_minutes_to_pdf (minutes, path, &error));
  g_assert_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_NO_FOLDER);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  {
    g_autofree char *listing = list_dir (dir);

    g_assert_cmpstr (listing, ==, "");
  }
  cr_test_remove_tree (dir);
}

/* A full disk (a file-size limit stands in for one): an error that says
 * so, the older file at the path untouched and no temporary left. */
static void
test_disk_full (void)
{
  g_autoptr (CrSheetData) data = make_sheet ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "sign-in.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  struct rlimit old_limit;
  struct rlimit limit;
  void (*old_handler) (int);
  gboolean ok;

  g_assert_true (g_file_set_contents (path, "the old sheet", -1, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 16 * 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = cr_print_attendance_sheet_to_pdf (data, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_error (error, CR_PRINT_ERROR, CR_PRINT_ERROR_NO_SPACE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old sheet");
  {
    g_autofree char *listing = list_dir (dir);

    g_assert_cmpstr (listing, ==, "sign-in.pdf");
  }
  cr_test_remove_tree (dir);
}

/* Writing again replaces the file in one step. */
static void
test_replace (void)
{
  g_autoptr (CrAgendaData) data = cr_agenda_data_new ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "agenda.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  fill_meeting (&data->meeting);
  cr_agenda_data_add_item (data, "Welcome", NULL, FALSE);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (cr_print_agenda_to_pdf (data, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    g_autofree char *listing = list_dir (dir);

    g_assert_cmpstr (listing, ==, "agenda.pdf");
  }
  cr_test_remove_tree (dir);
}

/* Nothing filled in but the date: one calm page each, never a crash. */
static void
test_empty (void)
{
  g_autoptr (CrSheetData) sheet = cr_sheet_data_new ();
  g_autoptr (CrAgendaData) agenda = cr_agenda_data_new ();
  g_autoptr (CrMinutesData) minutes = cr_minutes_data_new ();
  g_autofree char *dir = cr_test_make_tmpdir ("cr-test-print-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr (GError) error = NULL;

  sheet->meeting.date = g_strdup ("2026-11-24");
  agenda->meeting.date = g_strdup ("not a date");
  sheet->n_walk_in_rows = 0;
  sheet->n_guest_rows = 0;

  g_assert_cmpint (cr_print_attendance_sheet_get_n_pages (sheet), ==, 1);
  g_assert_cmpint (cr_print_agenda_get_n_pages (agenda), ==, 1);
  g_assert_cmpint (cr_print_minutes_get_n_pages (minutes), ==, 1);
  g_assert_true (cr_print_attendance_sheet_to_pdf (sheet, path, &error));
  g_assert_no_error (error);
  g_assert_true (cr_print_agenda_to_pdf (agenda, path, &error));
  g_assert_no_error (error);
  g_assert_true (cr_print_minutes_to_pdf (minutes, path, &error));
  g_assert_no_error (error);
  cr_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The footer says when a page was printed; pin "today". */
  g_setenv ("CR_TODAY", "2026-11-22", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/sort", test_sort);
  g_test_add_func ("/print/attendance-sheet/pdf", test_sheet);
  g_test_add_func ("/print/attendance-sheet/pages-independent",
                   test_sheet_pages_independent);
  g_test_add_func ("/print/agenda/pdf", test_agenda);
  g_test_add_func ("/print/minutes/pdf", test_minutes);
  g_test_add_func ("/print/minutes/inquorate", test_minutes_inquorate);
  g_test_add_func ("/print/failure/missing-folder", test_missing_folder);
  g_test_add_func ("/print/failure/disk-full", test_disk_full);
  g_test_add_func ("/print/replace", test_replace);
  g_test_add_func ("/print/empty", test_empty);

  return g_test_run ();
}
