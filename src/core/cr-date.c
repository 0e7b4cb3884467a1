/* cr-date.c: calendar dates, ISO in files and UK-style on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How much of a user's text an error message quotes back to them. */
#define MAX_QUOTED_CHARS 40

G_DEFINE_QUARK (cr-date-error-quark, cr_date_error)

/* English names whatever the locale, so a printed page or an export reads the
 * same on every laptop; a translation may still change them. */
static const char *const month_names[] = {
  NULL,
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
  N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
  N_("November"), N_("December"),
};

static const char *const weekday_names[] = {
  NULL,
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static char *
quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *start = g_utf8_substring (valid, 0, MAX_QUOTED_CHARS);

      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

static gboolean
set_not_a_date (GError     **error,
                const char  *text)
{
  g_autofree char *quoted = NULL;

  if (*text == '\0')
    {
      g_set_error_literal (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                           _("No date was given; write it like 22/11/2026"));
      return FALSE;
    }

  quoted = quote_text (text);
  g_set_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
               _("“%s” is not a date; write it like 22/11/2026"), quoted);
  return FALSE;
}

/* Reads a run of 1 to 4 ASCII digits; a longer run is never part of a date. */
static gboolean
read_number (const char **p,
             guint       *value,
             guint       *n_digits)
{
  *value = 0;
  *n_digits = 0;

  while (g_ascii_isdigit (**p))
    {
      if (++*n_digits > 4)
        return FALSE;
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
    }
  return *n_digits > 0;
}

static void
set_dmy (GDate *out,
         guint  day,
         guint  month,
         guint  year)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * cr_date_parse:
 * @text: a date as a person types it
 * @out: (out) (optional): where to put the date
 * @error: return location for a #CR_DATE_ERROR
 *
 * Reads a date the way people in the UK write it: day first, `22/11/2026`,
 * `2/3/2026` (2 March), with `/`, `-` or `.` between the parts, or the ISO
 * form `2026-11-22` (a four-figure year first). White space around is
 * ignored. The US order is never guessed: `11/22/2026` is refused because
 * there is no month 22.
 *
 * Refused with %CR_DATE_ERROR_INVALID, with a message that quotes @text and
 * says what to do: days a month does not have (`31/02/2026`), years in two
 * figures (`22/11/26`), years outside %CR_DATE_MIN_YEAR to
 * %CR_DATE_MAX_YEAR, and anything else.
 *
 * Returns: %TRUE if @text is a date; on %FALSE, @out is untouched
 */
gboolean
cr_date_parse (const char  *text,
               GDate       *out,
               GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *quoted = NULL;
  const char *p;
  char separator;
  guint first, second, third;
  guint n_first, n_second, n_third;
  guint day, month, year;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (!read_number (&p, &first, &n_first))
    return set_not_a_date (error, stripped);
  separator = *p;
  if (separator != '/' && separator != '-' && separator != '.')
    return set_not_a_date (error, stripped);
  p++;
  if (!read_number (&p, &second, &n_second) || *p != separator)
    return set_not_a_date (error, stripped);
  p++;
  if (!read_number (&p, &third, &n_third) || *p != '\0')
    return set_not_a_date (error, stripped);
  if (n_second > 2)
    return set_not_a_date (error, stripped);

  if (n_first == 4 && n_third <= 2)
    {
      year = first;
      month = second;
      day = third;
    }
  else if (n_first <= 2 && n_third == 4)
    {
      day = first;
      month = second;
      year = third;
    }
  else if (n_first <= 2 && n_third <= 2)
    {
      quoted = quote_text (stripped);
      g_set_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                   _("“%s” has the year in two figures; write the year in "
                     "full, e.g. 22/11/2026"), quoted);
      return FALSE;
    }
  else
    return set_not_a_date (error, stripped);

  quoted = quote_text (stripped);

  if (year < CR_DATE_MIN_YEAR || year > CR_DATE_MAX_YEAR)
    {
      g_set_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                   _("“%s” is not a date Common Room can use; the year must "
                     "be between %d and %d"),
                   quoted, CR_DATE_MIN_YEAR, CR_DATE_MAX_YEAR);
      return FALSE;
    }

  if (month == 0 || day == 0 || day > 31)
    return set_not_a_date (error, stripped);

  if (month > 12)
    {
      g_set_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                   _("“%s” is not a date: there is no month %u; write the day "
                     "first, like 22/11/2026"),
                   quoted, month);
      return FALSE;
    }

  if (day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      const char *month_name = _(month_names[month]);

      /* Only the 29th, 30th and 31st are missing from some months. */
      if (day == 29)
        g_set_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                     _("“%s” is not a date: %s %u has no 29th"),
                     quoted, month_name, year);
      else if (day == 30)
        g_set_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                     _("“%s” is not a date: %s %u has no 30th"),
                     quoted, month_name, year);
      else
        g_set_error (error, CR_DATE_ERROR, CR_DATE_ERROR_INVALID,
                     _("“%s” is not a date: %s %u has no 31st"),
                     quoted, month_name, year);
      return FALSE;
    }

  if (out != NULL)
    set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * cr_date_parse_iso:
 * @iso: (nullable): a date as the file keeps it, `YYYY-MM-DD`
 * @out: (out) (optional): where to put the date
 *
 * Reads exactly the ISO form and nothing else, for data the app wrote
 * itself. No error: bad stored data is the caller's to report.
 *
 * Returns: %TRUE if @iso is a valid ISO date; on %FALSE, @out is untouched
 */
gboolean
cr_date_parse_iso (const char *iso,
                   GDate      *out)
{
  guint year = 0, month = 0, day = 0;
  int i;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  for (i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (iso[i]))
        return FALSE;
    }
  for (i = 0; i < 4; i++)
    year = year * 10 + (guint) (iso[i] - '0');
  month = (guint) (iso[5] - '0') * 10 + (guint) (iso[6] - '0');
  day = (guint) (iso[8] - '0') * 10 + (guint) (iso[9] - '0');

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                         (GDateYear) year) ||
      month > 12 || day > 31)
    return FALSE;

  if (out != NULL)
    set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * cr_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as the file keeps it, `2026-11-22`
 */
char *
cr_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * cr_date_to_uk:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as people in the UK write it, `22/11/2026`,
 *   `02/03/2026` for 2 March
 */
char *
cr_date_to_uk (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%02u/%02u/%04u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

/**
 * cr_date_iso_to_uk:
 * @iso: (nullable): a date as the file keeps it
 *
 * For showing a stored date: `2026-11-22` becomes `22/11/2026`. Text that is
 * not an ISO date is shown as it is rather than hidden.
 *
 * Returns: (transfer full) (nullable): the UK form, a copy of @iso if it is
 *   not an ISO date, or %NULL for %NULL
 */
char *
cr_date_iso_to_uk (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return NULL;
  if (!cr_date_parse_iso (iso, &date))
    return g_strdup (iso);
  return cr_date_to_uk (&date);
}

/**
 * cr_date_to_long:
 * @date: a valid date
 *
 * The date written out in full for printed pages and headings, in English
 * whatever the locale (unless translated): `Sunday 22 November 2026`.
 *
 * Returns: (transfer full): the date in words
 */
char *
cr_date_to_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: weekday, day of the month, month, year:
   * "Sunday 22 November 2026" */
  return g_strdup_printf (_("%1$s %2$u %3$s %4$u"),
                          _(weekday_names[g_date_get_weekday (date)]),
                          (guint) g_date_get_day (date),
                          _(month_names[g_date_get_month (date)]),
                          (guint) g_date_get_year (date));
}

/**
 * cr_date_today:
 * @out: (out caller-allocates): where to put today's date
 *
 * Today in local time. If the environment variable `CR_TODAY` holds a date
 * (`2026-11-22` or `22/11/2026`), that is "today" instead, so that tests and
 * demonstrations give the same answers on any day.
 */
void
cr_date_today (GDate *out)
{
  static gsize warned = 0;
  g_autoptr (GDateTime) now = NULL;
  const char *pinned = g_getenv ("CR_TODAY");

  g_return_if_fail (out != NULL);

  if (pinned != NULL && *pinned != '\0')
    {
      if (cr_date_parse (pinned, out, NULL))
        return;
      if (g_once_init_enter (&warned))
        {
          g_warning ("CR_TODAY=“%s” is not a date; using the real date",
                     pinned);
          g_once_init_leave (&warned, 1);
        }
    }

  now = g_date_time_new_now_local ();
  set_dmy (out,
           (guint) g_date_time_get_day_of_month (now),
           (guint) g_date_time_get_month (now),
           (guint) g_date_time_get_year (now));
}

/**
 * cr_date_today_iso:
 *
 * Today as the file keeps dates; see cr_date_today() for `CR_TODAY`.
 *
 * Returns: (transfer full): today, `YYYY-MM-DD`
 */
char *
cr_date_today_iso (void)
{
  GDate today;

  cr_date_today (&today);
  return cr_date_to_iso (&today);
}

/**
 * cr_date_compare_iso:
 * @a: (nullable): an ISO date, or %NULL (or "") for an open end
 * @b: (nullable): an ISO date, or %NULL (or "") for an open end
 *
 * Orders two stored dates. An open end (a membership nobody has ended yet)
 * comes after every date, so sorting by end date lists current ones last.
 *
 * Returns: negative, zero or positive as @a is before, the same as or after @b
 */
int
cr_date_compare_iso (const char *a,
                     const char *b)
{
  gboolean a_open = (a == NULL || *a == '\0');
  gboolean b_open = (b == NULL || *b == '\0');
  int cmp;

  if (a_open || b_open)
    return (a_open ? 1 : 0) - (b_open ? 1 : 0);

  /* ISO dates sort as text. */
  cmp = strcmp (a, b);
  return (cmp > 0) - (cmp < 0);
}

/**
 * cr_date_add_months:
 * @date: a valid date, changed in place
 * @months: how many months forward (negative: back)
 *
 * Moves @date by whole months, keeping the day of the month where it exists
 * and otherwise taking the last day of the month: 31 January plus one month
 * is 28 (or 29) February.
 */
void
cr_date_add_months (GDate *date,
                    int    months)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (months > 0)
    g_date_add_months (date, (guint) months);
  else if (months < 0)
    g_date_subtract_months (date, (guint) -(months + 1) + 1);
}
