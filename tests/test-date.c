/* test-date.c: reading and writing dates, ISO and UK-style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-date.h"

#include <string.h>

static void
assert_date (const GDate *date,
             guint        day,
             guint        month,
             guint        year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, day);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_year (date), ==, year);
}

/* Parses @text expecting a refusal, and returns the message. */
static char *
refusal (const char *text)
{
  g_autoptr (GError) error = NULL;
  GDate date;

  {
    g_autofree char *shown = g_strescape (text, NULL);

    g_test_message ("refusing “%s”", shown);
  }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2000);
  g_assert_false (cr_date_parse (text, &date, &error));
  g_assert_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID);
  /* The date passed in is untouched. */
  assert_date (&date, 1, 1, 2000);
  return g_strdup (error->message);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
test_parse_forms (void)
{
  static const struct
  {
    const char *text;
    guint       day, month, year;
  } cases[] = {
    { "2026-11-22", 22, 11, 2026 },
    { "22/11/2026", 22, 11, 2026 },
    { "2/3/2026", 2, 3, 2026 },
    { "02/03/2026", 2, 3, 2026 },
    { "22-11-2026", 22, 11, 2026 },
    { "22.11.2026", 22, 11, 2026 },
    { "  22/11/2026\t", 22, 11, 2026 },
    { "2026/11/22", 22, 11, 2026 },
    { "2026-1-5", 5, 1, 2026 },
    { "29/02/2024", 29, 2, 2024 },
    { "29/02/2000", 29, 2, 2000 },
    { "31/12/2026", 31, 12, 2026 },
    { "01/01/1900", 1, 1, 1900 },
    { "31/12/2200", 31, 12, 2200 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GDate date;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (cr_date_parse (cases[i].text, &date, &error));
      g_assert_no_error (error);
      assert_date (&date, cases[i].day, cases[i].month, cases[i].year);
    }

  g_assert_true (cr_date_parse ("22/11/2026", NULL, NULL));
}

static void
test_parse_impossible (void)
{
  g_autofree char *feb31 = refusal ("31/02/2026");
  g_autofree char *feb30 = refusal ("30/02/2024");
  g_autofree char *feb29 = refusal ("29/02/2026");
  g_autofree char *feb29_1900 = refusal ("1900-02-29");
  g_autofree char *apr31 = refusal ("31/04/2026");
  g_autofree char *day32 = refusal ("32/01/2026");
  g_autofree char *day0 = refusal ("0/01/2026");
  g_autofree char *month0 = refusal ("01/00/2026");

  g_assert_cmpstr (feb31, ==,
                   "“31/02/2026” is not a date: February 2026 has no 31st");
  assert_contains (feb30, "February 2024 has no 30th");
  assert_contains (feb29, "February 2026 has no 29th");
  assert_contains (feb29_1900, "February 1900 has no 29th");
  assert_contains (apr31, "“31/04/2026”");
  assert_contains (apr31, "April 2026 has no 31st");
  assert_contains (day32, "“32/01/2026”");
  assert_contains (day0, "“0/01/2026”");
  assert_contains (month0, "“01/00/2026”");
}

static void
test_parse_two_digit_year (void)
{
  g_autofree char *message = refusal ("22/11/26");
  g_autofree char *dashes = refusal (" 1-2-3 ");

  assert_contains (message, "“22/11/26”");
  assert_contains (message, "write the year in full, e.g. 22/11/2026");
  assert_contains (dashes, "“1-2-3”");
  assert_contains (dashes, "year in full");
}

static void
test_parse_us_order (void)
{
  g_autofree char *message = refusal ("11/22/2026");
  GDate date;

  assert_contains (message, "“11/22/2026”");
  assert_contains (message, "no month 22");
  assert_contains (message, "day first");

  /* Where both orders make a date, the UK one is taken. */
  g_assert_true (cr_date_parse ("03/04/2026", &date, NULL));
  assert_date (&date, 3, 4, 2026);
}

static void
test_parse_years (void)
{
  g_autofree char *early = refusal ("31/12/1899");
  g_autofree char *late = refusal ("2201-01-01");
  g_autofree char *typo = refusal ("22/11/1026");

  assert_contains (early, "“31/12/1899”");
  assert_contains (early, "between 1900 and 2200");
  assert_contains (late, "“2201-01-01”");
  assert_contains (typo, "1900");
}

static void
test_parse_garbage (void)
{
  static const char *const refused[] = {
    "", "   ", "abc", "today", "22/11", "22/11/", "/11/2026", "22//2026",
    "22/11/2026/1", "22/11-2026", "22-11/2026", "2026-11-22T10:00",
    "2026-11-22 10:00", "22 / 11 / 2026", "22 11 2026", "22/Nov/2026",
    "+1/2/2026", "-1/2/2026", "022/11/2026", "22/011/2026", "22/11/02026",
    "202-11-22", "20261122", "22/11/2026x", "٢٢/١١/٢٠٢٦", "\xff",
    "99999999999999999999/1/2026",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *message = refusal (refused[i]);
      g_autofree char *stripped = g_strstrip (g_strdup (refused[i]));

      g_assert_true (g_utf8_validate (message, -1, NULL));
      if (*stripped != '\0' && g_utf8_validate (stripped, -1, NULL))
        {
          g_autofree char *quoted = g_strdup_printf ("“%s”", stripped);

          assert_contains (message, quoted);
        }
      else
        assert_contains (message, "22/11/2026");
    }
}

static void
test_parse_iso (void)
{
  static const char *const refused[] = {
    "", "2026-11-22 ", " 2026-11-22", "2026-1-22", "2026-11-2", "22/11/2026",
    "2026-02-29", "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-31",
    "0000-01-01", "2026/11/22", "2026-11-22x", "2026-1a-22", "+026-11-22",
  };
  GDate date;
  gsize i;

  g_assert_true (cr_date_parse_iso ("2026-11-22", &date));
  assert_date (&date, 22, 11, 2026);
  g_assert_true (cr_date_parse_iso ("2024-02-29", &date));
  assert_date (&date, 29, 2, 2024);
  g_assert_true (cr_date_parse_iso ("2026-11-30", NULL));

  g_date_set_dmy (&date, 1, 1, 2000);
  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      {
        g_autofree char *shown = g_strescape (refused[i], NULL);

        g_test_message ("refusing “%s”", shown);
      }
      g_assert_false (cr_date_parse_iso (refused[i], &date));
    }
  g_assert_false (cr_date_parse_iso (NULL, &date));
  assert_date (&date, 1, 1, 2000);
}

static void
test_format (void)
{
  GDate date;
  char *text;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 22, 11, 2026);

  text = cr_date_to_iso (&date);
  g_assert_cmpstr (text, ==, "2026-11-22");
  g_free (text);
  text = cr_date_to_uk (&date);
  g_assert_cmpstr (text, ==, "22/11/2026");
  g_free (text);
  text = cr_date_to_long (&date);
  g_assert_cmpstr (text, ==, "Sunday 22 November 2026");
  g_free (text);

  g_date_set_dmy (&date, 2, 3, 2026);
  text = cr_date_to_iso (&date);
  g_assert_cmpstr (text, ==, "2026-03-02");
  g_free (text);
  text = cr_date_to_uk (&date);
  g_assert_cmpstr (text, ==, "02/03/2026");
  g_free (text);
  text = cr_date_to_long (&date);
  g_assert_cmpstr (text, ==, "Monday 2 March 2026");
  g_free (text);

  g_date_set_dmy (&date, 29, 2, 2024);
  text = cr_date_to_long (&date);
  g_assert_cmpstr (text, ==, "Thursday 29 February 2024");
  g_free (text);

  g_date_set_dmy (&date, 31, 12, 1999);
  text = cr_date_to_long (&date);
  g_assert_cmpstr (text, ==, "Friday 31 December 1999");
  g_free (text);

  text = cr_date_iso_to_uk ("2026-11-22");
  g_assert_cmpstr (text, ==, "22/11/2026");
  g_free (text);
  text = cr_date_iso_to_uk ("sometime in 2026");
  g_assert_cmpstr (text, ==, "sometime in 2026");
  g_free (text);
  text = cr_date_iso_to_uk ("");
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  g_assert_null (cr_date_iso_to_uk (NULL));
}

static void
test_round_trip (void)
{
  GDate first, last;
  guint32 span;
  int i;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 1, CR_DATE_MIN_YEAR);
  g_date_set_dmy (&last, 31, 12, CR_DATE_MAX_YEAR);
  span = g_date_get_julian (&last) - g_date_get_julian (&first);

  for (i = 0; i < 20000; i++)
    {
      GDate date, back;
      g_autofree char *iso = NULL;
      g_autofree char *uk = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_date_get_julian (&first) +
                         (guint32) g_test_rand_int_range (0, (gint32) span + 1));
      iso = cr_date_to_iso (&date);
      uk = cr_date_to_uk (&date);

      g_assert_true (cr_date_parse_iso (iso, &back));
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
      g_assert_true (cr_date_parse (iso, &back, NULL));
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
      g_assert_true (cr_date_parse (uk, &back, NULL));
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
    }
}

static void
test_today (void)
{
  g_autofree char *pinned = NULL;
  g_autofree char *pinned_uk = NULL;
  g_autofree char *real = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate date;

  g_setenv ("CR_TODAY", "2026-11-22", TRUE);
  pinned = cr_date_today_iso ();
  g_assert_cmpstr (pinned, ==, "2026-11-22");
  cr_date_today (&date);
  assert_date (&date, 22, 11, 2026);

  g_setenv ("CR_TODAY", "1/3/2027", TRUE);
  pinned_uk = cr_date_today_iso ();
  g_assert_cmpstr (pinned_uk, ==, "2027-03-01");

  /* Empty means not pinned: the real date, read either side of the call in
   * case the test runs across midnight. */
  g_setenv ("CR_TODAY", "", TRUE);
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    before = g_date_time_format (now, "%Y-%m-%d");
  }
  real = cr_date_today_iso ();
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    after = g_date_time_format (now, "%Y-%m-%d");
  }
  g_assert_true (g_str_equal (real, before) || g_str_equal (real, after));

  g_unsetenv ("CR_TODAY");
  g_free (real);
  real = cr_date_today_iso ();
  g_assert_true (cr_date_parse_iso (real, NULL));
}

static void
test_today_bad_pin (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *today = NULL;

      g_setenv ("CR_TODAY", "next Tuesday", TRUE);
      today = cr_date_today_iso ();
      g_assert_true (cr_date_parse_iso (today, NULL));
      return;
    }

  /* A pin that is not a date is reported, not silently used. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CR_TODAY*next Tuesday*");
}

static void
test_compare_iso (void)
{
  g_assert_cmpint (cr_date_compare_iso ("2026-01-01", "2026-01-02"), <, 0);
  g_assert_cmpint (cr_date_compare_iso ("2026-01-02", "2026-01-01"), >, 0);
  g_assert_cmpint (cr_date_compare_iso ("2026-01-01", "2026-01-01"), ==, 0);
  g_assert_cmpint (cr_date_compare_iso ("2025-12-31", "2026-01-01"), <, 0);
  g_assert_cmpint (cr_date_compare_iso ("2200-12-31", NULL), <, 0);
  g_assert_cmpint (cr_date_compare_iso (NULL, "2026-01-01"), >, 0);
  g_assert_cmpint (cr_date_compare_iso (NULL, NULL), ==, 0);
  g_assert_cmpint (cr_date_compare_iso ("", NULL), ==, 0);
  g_assert_cmpint (cr_date_compare_iso ("", "2026-01-01"), >, 0);
}

static void
test_add_months (void)
{
  GDate date;

  g_date_clear (&date, 1);

  g_date_set_dmy (&date, 31, 1, 2026);
  cr_date_add_months (&date, 1);
  assert_date (&date, 28, 2, 2026);

  g_date_set_dmy (&date, 31, 1, 2024);
  cr_date_add_months (&date, 1);
  assert_date (&date, 29, 2, 2024);

  g_date_set_dmy (&date, 31, 3, 2026);
  cr_date_add_months (&date, -1);
  assert_date (&date, 28, 2, 2026);

  g_date_set_dmy (&date, 22, 11, 2026);
  cr_date_add_months (&date, 12);
  assert_date (&date, 22, 11, 2027);
  cr_date_add_months (&date, -15);
  assert_date (&date, 22, 8, 2026);
  cr_date_add_months (&date, 0);
  assert_date (&date, 22, 8, 2026);

  g_date_set_dmy (&date, 29, 2, 2024);
  cr_date_add_months (&date, 12);
  assert_date (&date, 28, 2, 2025);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/forms", test_parse_forms);
  g_test_add_func ("/date/parse/impossible", test_parse_impossible);
  g_test_add_func ("/date/parse/two-digit-year", test_parse_two_digit_year);
  g_test_add_func ("/date/parse/us-order", test_parse_us_order);
  g_test_add_func ("/date/parse/years", test_parse_years);
  g_test_add_func ("/date/parse/garbage", test_parse_garbage);
  g_test_add_func ("/date/parse-iso", test_parse_iso);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/today/bad-pin", test_today_bad_pin);
  g_test_add_func ("/date/compare-iso", test_compare_iso);
  g_test_add_func ("/date/add-months", test_add_months);

  return g_test_run ();
}
