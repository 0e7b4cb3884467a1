/* cr-workdays.c: working days and England & Wales bank holidays
 *
 * Constitutions count notice for papers and the time to circulate minutes in
 * working days, so the app needs the bank holidays of any year without asking
 * the internet. They are computed here from the rules that set them, plus the
 * holidays that were moved or added by proclamation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-workdays.h"

#include <glib/gi18n-lib.h>

typedef enum
{
  HOLIDAY_NEW_YEAR,
  HOLIDAY_NEW_YEAR_SUBSTITUTE,
  HOLIDAY_GOOD_FRIDAY,
  HOLIDAY_EASTER_MONDAY,
  HOLIDAY_EARLY_MAY,
  HOLIDAY_EARLY_MAY_VE_DAY,
  HOLIDAY_SPRING,
  HOLIDAY_SUMMER,
  HOLIDAY_CHRISTMAS,
  HOLIDAY_CHRISTMAS_SUBSTITUTE,
  HOLIDAY_BOXING_DAY,
  HOLIDAY_BOXING_DAY_SUBSTITUTE,
  HOLIDAY_MILLENNIUM,
  HOLIDAY_GOLDEN_JUBILEE,
  HOLIDAY_ROYAL_WEDDING,
  HOLIDAY_DIAMOND_JUBILEE,
  HOLIDAY_PLATINUM_JUBILEE,
  HOLIDAY_STATE_FUNERAL,
  HOLIDAY_CORONATION,
  N_HOLIDAY_KINDS
} HolidayKind;

/* The names GOV.UK gives them. */
static const char *const holiday_names[N_HOLIDAY_KINDS] = {
  [HOLIDAY_NEW_YEAR] = N_("New Year’s Day"),
  [HOLIDAY_NEW_YEAR_SUBSTITUTE] = N_("New Year’s Day (substitute day)"),
  [HOLIDAY_GOOD_FRIDAY] = N_("Good Friday"),
  [HOLIDAY_EASTER_MONDAY] = N_("Easter Monday"),
  [HOLIDAY_EARLY_MAY] = N_("Early May bank holiday"),
  [HOLIDAY_EARLY_MAY_VE_DAY] = N_("Early May bank holiday (VE day)"),
  [HOLIDAY_SPRING] = N_("Spring bank holiday"),
  [HOLIDAY_SUMMER] = N_("Summer bank holiday"),
  [HOLIDAY_CHRISTMAS] = N_("Christmas Day"),
  [HOLIDAY_CHRISTMAS_SUBSTITUTE] = N_("Christmas Day (substitute day)"),
  [HOLIDAY_BOXING_DAY] = N_("Boxing Day"),
  [HOLIDAY_BOXING_DAY_SUBSTITUTE] = N_("Boxing Day (substitute day)"),
  [HOLIDAY_MILLENNIUM] = N_("Millennium celebrations"),
  [HOLIDAY_GOLDEN_JUBILEE] = N_("Queen’s Golden Jubilee"),
  [HOLIDAY_ROYAL_WEDDING] = N_("Royal wedding"),
  [HOLIDAY_DIAMOND_JUBILEE] = N_("Queen’s Diamond Jubilee"),
  [HOLIDAY_PLATINUM_JUBILEE] = N_("Platinum Jubilee bank holiday"),
  [HOLIDAY_STATE_FUNERAL] =
    N_("Bank holiday for the State Funeral of Queen Elizabeth II"),
  [HOLIDAY_CORONATION] =
    N_("Bank holiday for the coronation of King Charles III"),
};

typedef struct
{
  guint32 julian;
  guint8  kind;
} Holiday;

#define N_TABLE_YEARS (CR_WORKDAYS_LAST_YEAR - CR_WORKDAYS_FIRST_YEAR + 1)

/* Every holiday of the years known exactly, worked out once: checking a
 * large file asks about a great many days. */
static Holiday table[N_TABLE_YEARS * CR_WORKDAYS_MAX_PER_YEAR];
static guint   year_start[N_TABLE_YEARS + 1];

static guint32
julian_of (guint day,
           guint month,
           int   year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month,
                  (GDateYear) year);
  return g_date_get_julian (&date);
}

/* Julian day 1 (1 January of year 1) was a Monday, as GDate counts. */
static GDateWeekday
weekday_of (guint32 julian)
{
  return (GDateWeekday) ((julian - 1) % 7 + 1);
}

static guint32
first_monday (guint month,
              int   year)
{
  guint32 julian = julian_of (1, month, year);

  while (weekday_of (julian) != G_DATE_MONDAY)
    julian++;
  return julian;
}

static guint32
last_monday (guint month,
             int   year)
{
  guint32 julian = julian_of (g_date_get_days_in_month ((GDateMonth) month,
                                                        (GDateYear) year),
                              month, year);

  while (weekday_of (julian) != G_DATE_MONDAY)
    julian--;
  return julian;
}

/* Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static guint32
easter_sunday (int year)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  return julian_of ((guint) day, (guint) month, year);
}

static void
add_holiday (Holiday     *out,
             guint       *n,
             guint32      julian,
             HolidayKind  kind)
{
  g_assert (*n < CR_WORKDAYS_MAX_PER_YEAR);

  out[*n].julian = julian;
  out[*n].kind = (guint8) kind;
  (*n)++;
}

/* Fills @out with @year's bank holidays in date order and returns how many.
 * @year must be one GDate can hold with room for a week either side. */
static guint
compute_year (int      year,
              Holiday *out)
{
  guint n = 0;
  guint32 julian;
  guint32 easter;
  guint i, j;

  /* New Year's Day, or the Monday after it if it falls at a weekend. */
  julian = julian_of (1, 1, year);
  if (weekday_of (julian) == G_DATE_SATURDAY)
    add_holiday (out, &n, julian + 2, HOLIDAY_NEW_YEAR_SUBSTITUTE);
  else if (weekday_of (julian) == G_DATE_SUNDAY)
    add_holiday (out, &n, julian + 1, HOLIDAY_NEW_YEAR_SUBSTITUTE);
  else
    add_holiday (out, &n, julian, HOLIDAY_NEW_YEAR);

  easter = easter_sunday (year);
  add_holiday (out, &n, easter - 2, HOLIDAY_GOOD_FRIDAY);
  add_holiday (out, &n, easter + 1, HOLIDAY_EASTER_MONDAY);

  /* The first Monday in May, moved twice for VE Day anniversaries. */
  if (year == 1995)
    add_holiday (out, &n, julian_of (8, 5, 1995), HOLIDAY_EARLY_MAY_VE_DAY);
  else if (year == 2020)
    add_holiday (out, &n, julian_of (8, 5, 2020), HOLIDAY_EARLY_MAY_VE_DAY);
  else
    add_holiday (out, &n, first_monday (5, year), HOLIDAY_EARLY_MAY);

  /* The last Monday in May, moved for three royal jubilees, each of which
   * also had a day of its own. */
  if (year == 2002)
    {
      add_holiday (out, &n, julian_of (3, 6, 2002), HOLIDAY_GOLDEN_JUBILEE);
      add_holiday (out, &n, julian_of (4, 6, 2002), HOLIDAY_SPRING);
    }
  else if (year == 2012)
    {
      add_holiday (out, &n, julian_of (4, 6, 2012), HOLIDAY_SPRING);
      add_holiday (out, &n, julian_of (5, 6, 2012), HOLIDAY_DIAMOND_JUBILEE);
    }
  else if (year == 2022)
    {
      add_holiday (out, &n, julian_of (2, 6, 2022), HOLIDAY_SPRING);
      add_holiday (out, &n, julian_of (3, 6, 2022), HOLIDAY_PLATINUM_JUBILEE);
    }
  else
    add_holiday (out, &n, last_monday (5, year), HOLIDAY_SPRING);

  add_holiday (out, &n, last_monday (8, year), HOLIDAY_SUMMER);

  /* Christmas and Boxing Day. When one falls at a weekend, the holiday moves
   * to the next weekday that is not already the other one. */
  julian = julian_of (25, 12, year);
  switch (weekday_of (julian))
    {
    case G_DATE_FRIDAY:
      add_holiday (out, &n, julian, HOLIDAY_CHRISTMAS);
      add_holiday (out, &n, julian + 3, HOLIDAY_BOXING_DAY_SUBSTITUTE);
      break;
    case G_DATE_SATURDAY:
      add_holiday (out, &n, julian + 2, HOLIDAY_CHRISTMAS_SUBSTITUTE);
      add_holiday (out, &n, julian + 3, HOLIDAY_BOXING_DAY_SUBSTITUTE);
      break;
    case G_DATE_SUNDAY:
      add_holiday (out, &n, julian + 1, HOLIDAY_BOXING_DAY);
      add_holiday (out, &n, julian + 2, HOLIDAY_CHRISTMAS_SUBSTITUTE);
      break;
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    case G_DATE_BAD_WEEKDAY:
    default:
      add_holiday (out, &n, julian, HOLIDAY_CHRISTMAS);
      add_holiday (out, &n, julian + 1, HOLIDAY_BOXING_DAY);
      break;
    }

  /* Holidays for one occasion only. */
  if (year == 1999)
    add_holiday (out, &n, julian_of (31, 12, 1999), HOLIDAY_MILLENNIUM);
  else if (year == 2011)
    add_holiday (out, &n, julian_of (29, 4, 2011), HOLIDAY_ROYAL_WEDDING);
  else if (year == 2022)
    add_holiday (out, &n, julian_of (19, 9, 2022), HOLIDAY_STATE_FUNERAL);
  else if (year == 2023)
    add_holiday (out, &n, julian_of (8, 5, 2023), HOLIDAY_CORONATION);

  /* Date order; a handful of entries, so insertion sort. */
  for (i = 1; i < n; i++)
    {
      Holiday h = out[i];

      for (j = i; j > 0 && out[j - 1].julian > h.julian; j--)
        out[j] = out[j - 1];
      out[j] = h;
    }

  return n;
}

static void
ensure_table (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      guint n = 0;
      int year;

      for (year = CR_WORKDAYS_FIRST_YEAR; year <= CR_WORKDAYS_LAST_YEAR; year++)
        {
          year_start[year - CR_WORKDAYS_FIRST_YEAR] = n;
          n += compute_year (year, &table[n]);
        }
      year_start[N_TABLE_YEARS] = n;

      g_once_init_leave (&initialised, 1);
    }
}

/* GDate holds years up to 65535; keep clear of the ends so that a week
 * either side of any year is still a valid date. */
static gboolean
year_is_computable (int year)
{
  return year >= 2 && year <= 9999;
}

/* @year's holidays, from the table or, outside it, worked out into @buffer.
 * Returns how many; *holidays points at the first. */
static guint
holidays_of_year (int             year,
                  Holiday        *buffer,
                  const Holiday **holidays)
{
  if (year >= CR_WORKDAYS_FIRST_YEAR && year <= CR_WORKDAYS_LAST_YEAR)
    {
      guint start;

      ensure_table ();
      start = year_start[year - CR_WORKDAYS_FIRST_YEAR];
      *holidays = &table[start];
      return year_start[year - CR_WORKDAYS_FIRST_YEAR + 1] - start;
    }

  *holidays = buffer;
  if (!year_is_computable (year))
    return 0;
  return compute_year (year, buffer);
}

static const Holiday *
find_holiday (const GDate *date,
              Holiday     *buffer)
{
  const Holiday *holidays;
  guint32 julian = g_date_get_julian (date);
  guint n;
  guint i;

  n = holidays_of_year (g_date_get_year (date), buffer, &holidays);
  for (i = 0; i < n; i++)
    if (holidays[i].julian == julian)
      return &holidays[i];
  return NULL;
}

/**
 * cr_workdays_is_bank_holiday:
 * @date: a valid date
 *
 * Whether @date is a bank holiday in England and Wales, substitute days and
 * one-off holidays included. Exact for %CR_WORKDAYS_FIRST_YEAR to
 * %CR_WORKDAYS_LAST_YEAR; other years follow today's regular rules.
 *
 * Returns: %TRUE on a bank holiday
 */
gboolean
cr_workdays_is_bank_holiday (const GDate *date)
{
  Holiday buffer[CR_WORKDAYS_MAX_PER_YEAR];

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return find_holiday (date, buffer) != NULL;
}

/**
 * cr_workdays_bank_holiday_name:
 * @date: a valid date
 *
 * Returns: (transfer none) (nullable): the name of the bank holiday on @date
 *   ("Easter Monday", "Boxing Day (substitute day)"), or %NULL if it is not
 *   one
 */
const char *
cr_workdays_bank_holiday_name (const GDate *date)
{
  Holiday buffer[CR_WORKDAYS_MAX_PER_YEAR];
  const Holiday *holiday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  holiday = find_holiday (date, buffer);
  if (holiday == NULL)
    return NULL;
  return _(holiday_names[holiday->kind]);
}

/**
 * cr_workdays_is_working_day:
 * @date: a valid date
 *
 * Returns: %TRUE if @date is a Monday to Friday and not a bank holiday
 */
gboolean
cr_workdays_is_working_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_date_get_weekday (date) >= G_DATE_SATURDAY)
    return FALSE;
  return !cr_workdays_is_bank_holiday (date);
}

/**
 * cr_workdays_add:
 * @date: a valid date, changed in place
 * @n: how many working days to move: forward if positive, back if negative
 *
 * Moves @date to the @n-th working day after it (before it, for a negative
 * @n). @date itself need not be a working day: five working days after a
 * Saturday is the Friday after next, unless a bank holiday intervenes. With
 * @n zero, @date is left as it is.
 */
void
cr_workdays_add (GDate *date,
                 int    n)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  while (n > 0)
    {
      g_date_add_days (date, 1);
      if (cr_workdays_is_working_day (date))
        n--;
    }
  while (n < 0)
    {
      g_date_subtract_days (date, 1);
      if (cr_workdays_is_working_day (date))
        n++;
    }
}

/**
 * cr_workdays_between:
 * @from: a valid date
 * @to: a valid date
 *
 * Counts the working days after @from up to and including @to: from a
 * meeting on Monday to the minutes on Friday of the same (ordinary) week is
 * four working days. If @to is before @from the count is negative:
 * cr_workdays_between (a, b) is always -cr_workdays_between (b, a).
 *
 * For any working day @to after @from, cr_workdays_add (@from, n) gives @to
 * back, n being this count; so "papers at least five working days before
 * the meeting" is cr_workdays_between (sent, meeting) >= 5.
 *
 * Returns: the number of working days
 */
int
cr_workdays_between (const GDate *from,
                     const GDate *to)
{
  GDate day;
  int cmp;
  int count = 0;

  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  cmp = g_date_compare (from, to);
  if (cmp == 0)
    return 0;
  if (cmp > 0)
    return -cr_workdays_between (to, from);

  day = *from;
  while (g_date_compare (&day, to) < 0)
    {
      g_date_add_days (&day, 1);
      if (cr_workdays_is_working_day (&day))
        count++;
    }
  return count;
}

/**
 * cr_workdays_list_year:
 * @year: a year
 * @dates: (out caller-allocates) (array length=max) (optional): where to put
 *   the dates
 * @names: (out caller-allocates) (array length=max) (optional): where to put
 *   their names, (transfer none)
 * @max: room in @dates and @names; %CR_WORKDAYS_MAX_PER_YEAR is always enough
 *
 * Lists the England and Wales bank holidays of @year in date order, as
 * cr_workdays_is_bank_holiday() knows them.
 *
 * Returns: how many bank holidays @year has; only the first @max are stored
 */
guint
cr_workdays_list_year (int          year,
                       GDate       *dates,
                       const char **names,
                       guint        max)
{
  Holiday buffer[CR_WORKDAYS_MAX_PER_YEAR];
  const Holiday *holidays;
  guint n;
  guint i;

  n = holidays_of_year (year, buffer, &holidays);
  for (i = 0; i < n && i < max; i++)
    {
      if (dates != NULL)
        {
          g_date_clear (&dates[i], 1);
          g_date_set_julian (&dates[i], holidays[i].julian);
        }
      if (names != NULL)
        names[i] = _(holiday_names[holidays[i].kind]);
    }
  return n;
}
