/* test-workdays.c: England & Wales bank holidays and working-day arithmetic
 *
 * The expected lists are GOV.UK's published England and Wales bank holidays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-workdays.h"

#include <string.h>

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month,
                  (GDateYear) year);
  return date;
}

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

typedef struct
{
  guint day;
  guint month;
} DayMonth;

/* Checks @year's list against @expected, and every day of @year against the
 * list, so a holiday too many anywhere in the year is caught too. */
static void
check_year (int             year,
            const DayMonth *expected,
            guint           n_expected)
{
  GDate dates[CR_WORKDAYS_MAX_PER_YEAR];
  const char *names[CR_WORKDAYS_MAX_PER_YEAR];
  GDate day;
  guint n;
  guint i;
  guint found = 0;

  n = cr_workdays_list_year (year, dates, names, G_N_ELEMENTS (dates));
  g_assert_cmpuint (n, ==, n_expected);
  for (i = 0; i < n; i++)
    {
      assert_date (&dates[i], expected[i].day, expected[i].month, (guint) year);
      g_assert_true (cr_workdays_is_bank_holiday (&dates[i]));
      g_assert_false (cr_workdays_is_working_day (&dates[i]));
      g_assert_cmpstr (cr_workdays_bank_holiday_name (&dates[i]), ==,
                       names[i]);
    }

  day = dmy (1, 1, (guint) year);
  while (g_date_get_year (&day) == (GDateYear) year)
    {
      if (cr_workdays_is_bank_holiday (&day))
        found++;
      else
        g_assert_null (cr_workdays_bank_holiday_name (&day));
      g_date_add_days (&day, 1);
    }
  g_assert_cmpuint (found, ==, n_expected);
}

#define CHECK_YEAR(year, ...)                                        \
  G_STMT_START {                                                     \
    static const DayMonth expected[] = { __VA_ARGS__ };              \
    check_year ((year), expected, G_N_ELEMENTS (expected));          \
  } G_STMT_END

static void
test_2020 (void)
{
  CHECK_YEAR (2020, { 1, 1 }, { 10, 4 }, { 13, 4 }, { 8, 5 }, { 25, 5 },
              { 31, 8 }, { 25, 12 }, { 28, 12 });
}

static void
test_2021 (void)
{
  CHECK_YEAR (2021, { 1, 1 }, { 2, 4 }, { 5, 4 }, { 3, 5 }, { 31, 5 },
              { 30, 8 }, { 27, 12 }, { 28, 12 });
}

static void
test_2022 (void)
{
  CHECK_YEAR (2022, { 3, 1 }, { 15, 4 }, { 18, 4 }, { 2, 5 }, { 2, 6 },
              { 3, 6 }, { 29, 8 }, { 19, 9 }, { 26, 12 }, { 27, 12 });
}

static void
test_2023 (void)
{
  CHECK_YEAR (2023, { 2, 1 }, { 7, 4 }, { 10, 4 }, { 1, 5 }, { 8, 5 },
              { 29, 5 }, { 28, 8 }, { 25, 12 }, { 26, 12 });
}

static void
test_2024 (void)
{
  CHECK_YEAR (2024, { 1, 1 }, { 29, 3 }, { 1, 4 }, { 6, 5 }, { 27, 5 },
              { 26, 8 }, { 25, 12 }, { 26, 12 });
}

static void
test_2025 (void)
{
  CHECK_YEAR (2025, { 1, 1 }, { 18, 4 }, { 21, 4 }, { 5, 5 }, { 26, 5 },
              { 25, 8 }, { 25, 12 }, { 26, 12 });
}

static void
test_2026 (void)
{
  CHECK_YEAR (2026, { 1, 1 }, { 3, 4 }, { 6, 4 }, { 4, 5 }, { 25, 5 },
              { 31, 8 }, { 25, 12 }, { 28, 12 });
}

static void
test_2027 (void)
{
  CHECK_YEAR (2027, { 1, 1 }, { 26, 3 }, { 29, 3 }, { 3, 5 }, { 31, 5 },
              { 30, 8 }, { 27, 12 }, { 28, 12 });
}

/* The years with moved or extra holidays before the published lists. */
static void
test_special_years (void)
{
  CHECK_YEAR (1995, { 2, 1 }, { 14, 4 }, { 17, 4 }, { 8, 5 }, { 29, 5 },
              { 28, 8 }, { 25, 12 }, { 26, 12 });
  CHECK_YEAR (1999, { 1, 1 }, { 2, 4 }, { 5, 4 }, { 3, 5 }, { 31, 5 },
              { 30, 8 }, { 27, 12 }, { 28, 12 }, { 31, 12 });
  CHECK_YEAR (2000, { 3, 1 }, { 21, 4 }, { 24, 4 }, { 1, 5 }, { 29, 5 },
              { 28, 8 }, { 25, 12 }, { 26, 12 });
  CHECK_YEAR (2002, { 1, 1 }, { 29, 3 }, { 1, 4 }, { 6, 5 }, { 3, 6 },
              { 4, 6 }, { 26, 8 }, { 25, 12 }, { 26, 12 });
  CHECK_YEAR (2011, { 3, 1 }, { 22, 4 }, { 25, 4 }, { 29, 4 }, { 2, 5 },
              { 30, 5 }, { 29, 8 }, { 26, 12 }, { 27, 12 });
  CHECK_YEAR (2012, { 2, 1 }, { 6, 4 }, { 9, 4 }, { 7, 5 }, { 4, 6 },
              { 5, 6 }, { 27, 8 }, { 25, 12 }, { 26, 12 });
}

static void
test_names (void)
{
  static const struct
  {
    guint       day, month, year;
    const char *name;
  } cases[] = {
    { 1, 1, 2026, "New Year’s Day" },
    { 3, 1, 2022, "New Year’s Day (substitute day)" },
    { 3, 4, 2026, "Good Friday" },
    { 6, 4, 2026, "Easter Monday" },
    { 4, 5, 2026, "Early May bank holiday" },
    { 8, 5, 2020, "Early May bank holiday (VE day)" },
    { 25, 5, 2026, "Spring bank holiday" },
    { 31, 8, 2026, "Summer bank holiday" },
    { 25, 12, 2026, "Christmas Day" },
    { 28, 12, 2026, "Boxing Day (substitute day)" },
    { 27, 12, 2027, "Christmas Day (substitute day)" },
    { 26, 12, 2022, "Boxing Day" },
    { 27, 12, 2022, "Christmas Day (substitute day)" },
    { 31, 12, 1999, "Millennium celebrations" },
    { 3, 6, 2002, "Queen’s Golden Jubilee" },
    { 29, 4, 2011, "Royal wedding" },
    { 5, 6, 2012, "Queen’s Diamond Jubilee" },
    { 3, 6, 2022, "Platinum Jubilee bank holiday" },
    { 19, 9, 2022, "Bank holiday for the State Funeral of Queen Elizabeth II" },
    { 8, 5, 2023, "Bank holiday for the coronation of King Charles III" },
  };
  GDate date;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      date = dmy (cases[i].day, cases[i].month, cases[i].year);
      g_assert_cmpstr (cr_workdays_bank_holiday_name (&date), ==,
                       cases[i].name);
    }

  date = dmy (26, 12, 2026);
  g_assert_null (cr_workdays_bank_holiday_name (&date));
  g_assert_false (cr_workdays_is_bank_holiday (&date));
}

/* Every year in range: only weekdays, in order, inside the year, the usual
 * eight at least, and Easter where the algorithm puts it. */
static void
test_all_years (void)
{
  int year;

  for (year = CR_WORKDAYS_FIRST_YEAR; year <= CR_WORKDAYS_LAST_YEAR; year++)
    {
      GDate dates[CR_WORKDAYS_MAX_PER_YEAR];
      const char *names[CR_WORKDAYS_MAX_PER_YEAR];
      guint n = cr_workdays_list_year (year, dates, names,
                                       CR_WORKDAYS_MAX_PER_YEAR);
      guint i;

      g_assert_cmpuint (n, >=, 8);
      g_assert_cmpuint (n, <=, CR_WORKDAYS_MAX_PER_YEAR);
      for (i = 0; i < n; i++)
        {
          g_assert_cmpuint (g_date_get_year (&dates[i]), ==, (guint) year);
          g_assert_cmpuint (g_date_get_weekday (&dates[i]), <=, G_DATE_FRIDAY);
          g_assert_nonnull (names[i]);
          if (i > 0)
            g_assert_cmpint (g_date_compare (&dates[i - 1], &dates[i]), <, 0);
        }
      g_assert_cmpstr (names[1], ==, "Good Friday");
      g_assert_cmpstr (names[2], ==, "Easter Monday");
      g_assert_cmpuint (g_date_get_julian (&dates[2]) -
                        g_date_get_julian (&dates[1]), ==, 3);
    }

  /* Easter at its extremes and a few known ones. */
  {
    GDate date = dmy (21, 3, 2008);
    GDate late = dmy (26, 4, 2038);
    GDate end = dmy (29, 3, 2100);

    g_assert_cmpstr (cr_workdays_bank_holiday_name (&date), ==, "Good Friday");
    g_assert_cmpstr (cr_workdays_bank_holiday_name (&late), ==, "Easter Monday");
    g_assert_cmpstr (cr_workdays_bank_holiday_name (&end), ==, "Easter Monday");
  }

  /* Outside the known years the regular rules still apply. */
  g_assert_cmpuint (cr_workdays_list_year (2150, NULL, NULL, 0), ==, 8);
  g_assert_cmpuint (cr_workdays_list_year (1990, NULL, NULL, 0), ==, 8);
  {
    GDate date = dmy (25, 12, 2150);
    const char *names[2];
    GDate dates[2];

    g_assert_true (cr_workdays_is_bank_holiday (&date));
    /* Only as many as asked for are stored; all are counted. */
    g_assert_cmpuint (cr_workdays_list_year (2026, dates, names, 2), ==, 8);
    assert_date (&dates[1], 3, 4, 2026);
    g_assert_cmpstr (names[0], ==, "New Year’s Day");
  }
}

static void
test_working_day (void)
{
  GDate date;

  date = dmy (23, 11, 2026); /* Monday */
  g_assert_true (cr_workdays_is_working_day (&date));
  date = dmy (27, 11, 2026); /* Friday */
  g_assert_true (cr_workdays_is_working_day (&date));
  date = dmy (28, 11, 2026); /* Saturday */
  g_assert_false (cr_workdays_is_working_day (&date));
  g_assert_false (cr_workdays_is_bank_holiday (&date));
  date = dmy (22, 11, 2026); /* Sunday */
  g_assert_false (cr_workdays_is_working_day (&date));
  date = dmy (25, 12, 2026); /* Christmas, a Friday */
  g_assert_false (cr_workdays_is_working_day (&date));
  date = dmy (29, 12, 2026);
  g_assert_true (cr_workdays_is_working_day (&date));
}

static void
test_add_christmas (void)
{
  GDate date;

  /* Christmas Eve 2026 is a Thursday: Friday is Christmas, Monday 28th the
   * substitute Boxing Day. */
  date = dmy (24, 12, 2026);
  cr_workdays_add (&date, 1);
  assert_date (&date, 29, 12, 2026);
  cr_workdays_add (&date, -1);
  assert_date (&date, 24, 12, 2026);

  /* Papers five working days before Tuesday 5 January 2027: New Year's Day
   * is a Friday. */
  date = dmy (5, 1, 2027);
  cr_workdays_add (&date, -5);
  assert_date (&date, 24, 12, 2026);
  cr_workdays_add (&date, 5);
  assert_date (&date, 5, 1, 2027);

  /* Christmas 2027 falls on a Saturday: both substitutes; then New Year 2028
   * falls on a Saturday too, so Monday 3 January is its substitute. */
  date = dmy (24, 12, 2027);
  cr_workdays_add (&date, 1);
  assert_date (&date, 29, 12, 2027);
  cr_workdays_add (&date, 3);
  assert_date (&date, 4, 1, 2028);

  /* Christmas 2022 on a Sunday. */
  date = dmy (23, 12, 2022);
  cr_workdays_add (&date, 1);
  assert_date (&date, 28, 12, 2022);
}

static void
test_add_easter (void)
{
  GDate date;

  /* Minutes within five working days of a meeting on Wednesday 1 April 2026,
   * across Good Friday and Easter Monday. */
  date = dmy (1, 4, 2026);
  cr_workdays_add (&date, 5);
  assert_date (&date, 10, 4, 2026);

  date = dmy (2, 4, 2026);
  cr_workdays_add (&date, 1);
  assert_date (&date, 7, 4, 2026);
  cr_workdays_add (&date, -1);
  assert_date (&date, 2, 4, 2026);

  /* From a weekend or a holiday, counting starts the next day. */
  date = dmy (4, 4, 2026);
  cr_workdays_add (&date, 1);
  assert_date (&date, 7, 4, 2026);
  date = dmy (6, 4, 2026);
  cr_workdays_add (&date, -1);
  assert_date (&date, 2, 4, 2026);

  date = dmy (6, 4, 2026);
  cr_workdays_add (&date, 0);
  assert_date (&date, 6, 4, 2026);
}

static void
test_between (void)
{
  GDate from, to;

  from = dmy (23, 11, 2026);
  to = dmy (27, 11, 2026);
  g_assert_cmpint (cr_workdays_between (&from, &to), ==, 4);
  g_assert_cmpint (cr_workdays_between (&to, &from), ==, -4);
  g_assert_cmpint (cr_workdays_between (&from, &from), ==, 0);

  from = dmy (24, 12, 2026);
  to = dmy (29, 12, 2026);
  g_assert_cmpint (cr_workdays_between (&from, &to), ==, 1);
  to = dmy (5, 1, 2027);
  g_assert_cmpint (cr_workdays_between (&from, &to), ==, 5);

  from = dmy (1, 4, 2026);
  to = dmy (10, 4, 2026);
  g_assert_cmpint (cr_workdays_between (&from, &to), ==, 5);

  /* A Saturday to the Sunday after: none. */
  from = dmy (28, 11, 2026);
  to = dmy (29, 11, 2026);
  g_assert_cmpint (cr_workdays_between (&from, &to), ==, 0);

  /* 2026 has 261 weekdays, 8 of them bank holidays. */
  from = dmy (31, 12, 2025);
  to = dmy (31, 12, 2026);
  g_assert_cmpint (cr_workdays_between (&from, &to), ==, 253);
  /* 2022 had 260 weekdays and 10 bank holidays, all on weekdays. */
  from = dmy (31, 12, 2021);
  to = dmy (31, 12, 2022);
  g_assert_cmpint (cr_workdays_between (&from, &to), ==, 250);
}

/* add() and between() agree, for many random days and distances. */
static void
test_property (void)
{
  GDate first = dmy (1, 1, CR_WORKDAYS_FIRST_YEAR);
  GDate last = dmy (1, 12, CR_WORKDAYS_LAST_YEAR);
  guint32 span = g_date_get_julian (&last) - g_date_get_julian (&first);
  int round;

  for (round = 0; round < 3000; round++)
    {
      GDate start, moved, back;
      int n = g_test_rand_int_range (-40, 41);

      g_date_clear (&start, 1);
      g_date_set_julian (&start, g_date_get_julian (&first) +
                         (guint32) g_test_rand_int_range (0, (gint32) span));
      moved = start;
      cr_workdays_add (&moved, n);

      if (n != 0)
        g_assert_true (cr_workdays_is_working_day (&moved));
      /* between() counts the later end and not the earlier: going back from
       * a day off, the day off itself is not one of the n. */
      if (n >= 0 || cr_workdays_is_working_day (&start))
        g_assert_cmpint (cr_workdays_between (&start, &moved), ==, n);
      else
        g_assert_cmpint (cr_workdays_between (&start, &moved), ==, n + 1);
      g_assert_cmpint (cr_workdays_between (&moved, &start), ==,
                       -cr_workdays_between (&start, &moved));

      /* Moving back returns to the start when the start is a working day. */
      back = moved;
      cr_workdays_add (&back, -n);
      if (cr_workdays_is_working_day (&start))
        g_assert_cmpint (g_date_compare (&back, &start), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workdays/2020", test_2020);
  g_test_add_func ("/workdays/2021", test_2021);
  g_test_add_func ("/workdays/2022", test_2022);
  g_test_add_func ("/workdays/2023", test_2023);
  g_test_add_func ("/workdays/2024", test_2024);
  g_test_add_func ("/workdays/2025", test_2025);
  g_test_add_func ("/workdays/2026", test_2026);
  g_test_add_func ("/workdays/2027", test_2027);
  g_test_add_func ("/workdays/special-years", test_special_years);
  g_test_add_func ("/workdays/names", test_names);
  g_test_add_func ("/workdays/all-years", test_all_years);
  g_test_add_func ("/workdays/working-day", test_working_day);
  g_test_add_func ("/workdays/add/christmas", test_add_christmas);
  g_test_add_func ("/workdays/add/easter", test_add_easter);
  g_test_add_func ("/workdays/between", test_between);
  g_test_add_func ("/workdays/property", test_property);

  return g_test_run ();
}
