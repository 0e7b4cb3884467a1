/* cr-money.c: amounts of money as whole pence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define POUND_SIGN "\302\243" /* U+00A3 in UTF-8 */

/* How much of a user's text an error message quotes back to them. */
#define MAX_QUOTED_CHARS 40

G_DEFINE_QUARK (cr-money-error-quark, cr_money_error)

/* The text to put between quotes in an error message: valid UTF-8, and cut
 * short if somebody pasted a whole paragraph into an amount field. */
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
set_invalid (GError     **error,
             const char  *text)
{
  g_autofree char *quoted = NULL;

  if (*text == '\0')
    {
      g_set_error_literal (error, CR_MONEY_ERROR, CR_MONEY_ERROR_INVALID,
                           _("No amount of money was given; write it like "
                             "£1,234.56"));
      return FALSE;
    }

  quoted = quote_text (text);
  g_set_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_INVALID,
               _("“%s” is not an amount of money; write it like £1,234.56"),
               quoted);
  return FALSE;
}

static gboolean
set_too_large (GError     **error,
               const char  *text)
{
  g_autofree char *quoted = quote_text (text);
  g_autofree char *limit = cr_money_format (CR_MONEY_MAX_PENCE);

  g_set_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_TOO_LARGE,
               _("“%s” is too large; an amount of money can be at most %s"),
               quoted, limit);
  return FALSE;
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/**
 * cr_money_parse:
 * @text: an amount as a person or a spreadsheet writes it
 * @out_pence: (out) (optional): where to put the amount in pence
 * @error: return location for a #CR_MONEY_ERROR
 *
 * Reads an amount of money without ever going through a floating point
 * number. Accepted, with white space around: an optional sign (`-` or `+`)
 * and an optional currency (`£` or `GBP`, in either order: `-£3.00`,
 * `£-3.00`), whole pounds with or without commas between groups of three
 * (`1234`, `1,234`), and none, one or two figures of pence (`3`, `3.5` is
 * 350p, `3.50`, `.50`). An amount in brackets is negative, as accountants
 * write it: `(3.00)`, `(£3.00)`.
 *
 * Refused with %CR_MONEY_ERROR_INVALID: empty text, anything else in it,
 * commas in the wrong places (`1,23`), three figures after the point
 * (`1.234` is ambiguous between the UK and much of Europe, `3.555` is not
 * whole pence), two signs. Refused with %CR_MONEY_ERROR_TOO_LARGE: amounts
 * beyond %CR_MONEY_MAX_PENCE either way.
 *
 * Returns: %TRUE if @text is an amount; on %FALSE, @out_pence is untouched
 */
gboolean
cr_money_parse (const char  *text,
                gint64      *out_pence,
                GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *body = NULL;
  g_autoptr (GString) whole = g_string_new (NULL);
  const char *p;
  const char *first;
  gboolean bracketed = FALSE;
  gboolean have_sign = FALSE;
  gboolean have_currency = FALSE;
  gboolean negative = FALSE;
  gboolean have_point = FALSE;
  guint n_fraction = 0;
  gint64 fraction = 0;
  gint64 pounds = 0;
  gint64 pence;
  gsize i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  body = g_strdup (stripped);

  if (body[0] == '(')
    {
      gsize len = strlen (body);

      if (len < 2 || body[len - 1] != ')')
        return set_invalid (error, stripped);
      body[len - 1] = '\0';
      memmove (body, body + 1, len - 1);
      g_strstrip (body);
      bracketed = TRUE;
    }

  /* A sign and a currency, each at most once, in either order. */
  p = body;
  for (;;)
    {
      if (*p == '-' || *p == '+')
        {
          if (have_sign || bracketed)
            return set_invalid (error, stripped);
          have_sign = TRUE;
          negative = (*p == '-');
          p++;
        }
      else if (g_str_has_prefix (p, POUND_SIGN) ||
               g_ascii_strncasecmp (p, "GBP", 3) == 0)
        {
          if (have_currency)
            return set_invalid (error, stripped);
          have_currency = TRUE;
          p += (*p == 'G' || *p == 'g') ? 3 : strlen (POUND_SIGN);
          p = skip_spaces (p);
        }
      else
        break;
    }

  /* Whole pounds: plain digits, or 1 to 3 digits then groups of exactly
   * three after each comma. */
  first = p;
  while (g_ascii_isdigit (*p))
    g_string_append_c (whole, *p++);
  if (*p == ',')
    {
      gsize first_len = p - first;

      if (first_len == 0 || first_len > 3 || *first == '0')
        return set_invalid (error, stripped);
      while (*p == ',')
        {
          p++;
          for (i = 0; i < 3; i++)
            {
              if (!g_ascii_isdigit (*p))
                return set_invalid (error, stripped);
              g_string_append_c (whole, *p++);
            }
          if (g_ascii_isdigit (*p))
            return set_invalid (error, stripped);
        }
    }

  /* Pence: none, one or two figures after the point. */
  if (*p == '.')
    {
      have_point = TRUE;
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (++n_fraction > 2)
            return set_invalid (error, stripped);
          fraction = fraction * 10 + (*p++ - '0');
        }
      if (n_fraction == 1)
        fraction *= 10;
    }

  if (*p != '\0')
    return set_invalid (error, stripped);
  if (whole->len == 0 && (!have_point || n_fraction == 0))
    return set_invalid (error, stripped);

  /* Only now that the text is known to be an amount, its size. Leading
   * zeros say nothing; more than 13 figures of pounds is over the limit
   * before any arithmetic could overflow. */
  for (i = 0; i < whole->len && whole->str[i] == '0'; i++)
    ;
  if (whole->len - i > 13)
    return set_too_large (error, stripped);
  for (; i < whole->len; i++)
    pounds = pounds * 10 + (whole->str[i] - '0');

  pence = pounds * 100 + fraction;
  if (pence > CR_MONEY_MAX_PENCE)
    return set_too_large (error, stripped);

  if (negative || bracketed)
    pence = -pence;
  if (out_pence != NULL)
    *out_pence = pence;
  return TRUE;
}

static char *
format_pence (gint64   pence,
              gboolean with_symbol)
{
  GString *str = g_string_new (NULL);
  char digits[24];
  guint64 magnitude;
  gsize len;
  gsize i;

  /* -(G_MININT64) does not fit a gint64; its magnitude fits a guint64. */
  magnitude = pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence;
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / 100);
  len = strlen (digits);

  if (pence < 0)
    g_string_append_c (str, '-');
  if (with_symbol)
    g_string_append (str, POUND_SIGN);
  for (i = 0; i < len; i++)
    {
      if (with_symbol && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }
  g_string_append_printf (str, ".%02u", (guint) (magnitude % 100));

  return g_string_free (str, FALSE);
}

/**
 * cr_money_format:
 * @pence: an amount in pence
 *
 * Writes an amount as people read it: `£1,234.56`, `£0.05`, `-£3.00`.
 * cr_money_parse() reads it back to the same amount.
 *
 * Returns: (transfer full): the amount as text
 */
char *
cr_money_format (gint64 pence)
{
  return format_pence (pence, TRUE);
}

/**
 * cr_money_format_plain:
 * @pence: an amount in pence
 *
 * Writes an amount for other programs (CSV, JSON): no currency, no commas,
 * always two figures of pence, `1234.56`, `-3.00`.
 *
 * Returns: (transfer full): the amount as text
 */
char *
cr_money_format_plain (gint64 pence)
{
  return format_pence (pence, FALSE);
}

/**
 * cr_money_split:
 * @total: the amount to share, in pence
 * @n_parts: how many equal parts, at least one
 * @parts: (out caller-allocates) (array length=n_parts): the parts
 *
 * Shares @total into @n_parts parts as equal as pence allow. The pence left
 * over go one each to the first parts (for a negative total, one more pence
 * owed each), so the parts always add up to exactly @total and differ by at
 * most one penny.
 */
void
cr_money_split (gint64  total,
                guint   n_parts,
                gint64 *parts)
{
  gint64 share;
  gint64 rest;
  gint64 extra;
  guint64 n_extra;
  guint i;

  g_return_if_fail (n_parts > 0);
  g_return_if_fail (parts != NULL);

  /* C division truncates toward zero, so for a negative total the rest is
   * negative too and the first parts take a penny more of the debt. */
  share = total / (gint64) n_parts;
  rest = total % (gint64) n_parts;
  extra = rest < 0 ? -1 : 1;
  n_extra = (guint64) (rest < 0 ? -rest : rest);

  for (i = 0; i < n_parts; i++)
    parts[i] = share + (i < n_extra ? extra : 0);
}

/* (a × b) ÷ d, and its remainder, for any guint64 @a, 32-bit @b and
 * 0 < d < 2^63, as long as the quotient fits 64 bits (it does when b <= d).
 *
 * The product can need 96 bits, so it is held as two 64-bit halves and
 * divided by schoolbook long division, one bit at a time. This is used
 * instead of __int128 so that every compiler runs the same, tested code;
 * 128 steps per part is nothing next to writing the result to a file. */
static guint64
mul_div (guint64  a,
         guint32  b,
         guint64  d,
         guint64 *remainder)
{
  guint64 low_product = (a & G_GUINT64_CONSTANT (0xffffffff)) * b;
  guint64 high_product = (a >> 32) * b;
  guint64 lo = low_product + (high_product << 32);
  guint64 hi = (high_product >> 32) + (lo < low_product ? 1 : 0);
  guint64 quotient = 0;
  guint64 rest = 0;
  int bit;

  /* With d below 2^63 the running remainder is too, so shifting it left
   * one bit never loses its top bit. */
  g_assert (d != 0 && (d >> 63) == 0);

  for (bit = 127; bit >= 0; bit--)
    {
      guint64 next = bit >= 64 ? (hi >> (bit - 64)) & 1 : (lo >> bit) & 1;

      rest = (rest << 1) | next;
      quotient <<= 1;
      if (rest >= d)
        {
          rest -= d;
          quotient |= 1;
        }
    }

  *remainder = rest;
  return quotient;
}

/* Largest remainder first; among equal remainders the earlier part first,
 * so the result never depends on the sort algorithm. */
static int
compare_remainders (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const guint64 *remainders = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;

  if (remainders[i] != remainders[j])
    return remainders[i] > remainders[j] ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

/**
 * cr_money_allocate:
 * @total: the amount to share, in pence
 * @weights: (array length=n): how much of @total each part gets, relative
 *   to the others (for example the number of people in each group)
 * @n: how many parts
 * @parts: (out caller-allocates) (array length=n): the parts
 *
 * Shares @total in proportion to @weights by the largest remainder method:
 * each part gets its exact share rounded down, then the pence left over go
 * one each to the parts whose exact share lost the most in rounding (the
 * earlier part on a tie). The parts add up to exactly @total, each is within
 * a penny of its exact share, and a part of weight zero gets nothing. A
 * negative total is shared the same way as a debt.
 *
 * No intermediate value overflows, whatever @total and @weights are: the
 * products of up to 96 bits are worked out exactly, without __int128.
 *
 * Returns: %FALSE, with @parts untouched, if there is no weight to share by
 *   (@n is zero or every weight is zero)
 */
gboolean
cr_money_allocate (gint64       total,
                   const guint *weights,
                   guint        n,
                   gint64      *parts)
{
  g_autofree guint64 *shares = NULL;
  g_autofree guint64 *remainders = NULL;
  g_autofree guint *order = NULL;
  guint64 magnitude;
  guint64 sum = 0;
  guint64 given = 0;
  guint64 left_over;
  guint i;

  g_return_val_if_fail (n == 0 || weights != NULL, FALSE);
  g_return_val_if_fail (n == 0 || parts != NULL, FALSE);
  g_return_val_if_fail (n <= G_MAXINT, FALSE);

  /* At most G_MAXINT weights each below 2^32: the sum is below 2^63. */
  for (i = 0; i < n; i++)
    sum += weights[i];
  if (sum == 0)
    return FALSE;

  /* Share the magnitude and put the sign back at the end; the magnitude of
   * G_MININT64 fits a guint64 but not a gint64. */
  magnitude = total < 0 ? (guint64) -(total + 1) + 1 : (guint64) total;
  shares = g_new (guint64, n);
  remainders = g_new (guint64, n);
  order = g_new (guint, n);

  for (i = 0; i < n; i++)
    {
      shares[i] = mul_div (magnitude, weights[i], sum, &remainders[i]);
      given += shares[i];
      order[i] = i;
    }

  /* The rounded-down shares lose less than a penny each. */
  left_over = magnitude - given;
  g_assert (left_over < n);

  if (left_over > 0)
    {
      g_qsort_with_data (order, (gint) n, sizeof (guint), compare_remainders,
                         remainders);
      for (i = 0; i < left_over; i++)
        shares[order[i]]++;
    }

  for (i = 0; i < n; i++)
    {
      if (total >= 0)
        parts[i] = (gint64) shares[i];
      else if (shares[i] == 0)
        parts[i] = 0;
      else
        parts[i] = -(gint64) (shares[i] - 1) - 1;
    }

  return TRUE;
}

/**
 * cr_money_check_sane:
 * @pence: an amount about to be saved
 * @sign: which signs the amount may have
 * @what: what the amount is, for the message ("The amount", "The award")
 *
 * Refuses, with %CR_MONEY_ERROR_NOT_SANE and a message that says what to
 * do, an amount of the wrong sign and any amount beyond
 * %CR_MONEY_SANE_PENCE either way.
 *
 * Returns: %TRUE if @pence may be saved
 */
gboolean
cr_money_check_sane (gint64       pence,
                     CrMoneySign  sign,
                     const char  *what,
                     GError     **error)
{
  g_autofree char *shown = cr_money_format (pence);
  g_autofree char *limit = NULL;

  g_return_val_if_fail (what != NULL, FALSE);

  if (pence < 0 && (sign == CR_MONEY_POSITIVE || sign == CR_MONEY_NOT_NEGATIVE))
    {
      g_set_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_NOT_SANE,
                   _("%s can’t be negative (%s); write it without a minus "
                     "sign."), what, shown);
      return FALSE;
    }
  if (pence == 0 && (sign == CR_MONEY_POSITIVE || sign == CR_MONEY_NOT_ZERO))
    {
      g_set_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_NOT_SANE,
                   _("%s is £0.00; give the amount of money."), what);
      return FALSE;
    }
  if (pence > CR_MONEY_SANE_PENCE || pence < -CR_MONEY_SANE_PENCE)
    {
      limit = cr_money_format (CR_MONEY_SANE_PENCE);
      g_set_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_NOT_SANE,
                   _("%s of %s is more than %s, far beyond what an "
                     "association handles; check the amount (pence typed as "
                     "pounds?)."), what, shown, limit);
      return FALSE;
    }
  return TRUE;
}
