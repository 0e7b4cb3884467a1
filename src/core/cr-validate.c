/* cr-validate.c: is this what a postcode, an email, a phone number looks like?
 *
 * Shape only: nothing here knows whether a postcode exists or a mailbox
 * answers, and nothing needs a network. Each check gives back the value
 * tidied (postcode in capitals with its one space) or a sentence saying
 * what is wrong and what right looks like.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (cr-validate-error-quark, cr_validate_error)

/**
 * cr_validate_postcode:
 * @text: what was typed, e.g. "av1 2bc" or "AV12BC"
 *
 * Checks @text has the shape of a UK postcode: an outward code (A9, A99,
 * AA9, AA99, A9A or AA9A), a space, an inward code (9AA).
 *
 * Returns: (transfer full) (nullable): the postcode as it is written
 *   ("AV1 2BC"), or %NULL with @error set
 */
char *
cr_validate_postcode (const char  *text,
                      GError     **error)
{
  g_autoptr (GString) tight = g_string_new (NULL);
  g_autofree char *shown = NULL;
  gsize len, out_len;
  const char *s;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (tight, g_ascii_toupper (*p));
  s = tight->str;
  len = tight->len;

  if (len >= 5 && len <= 7)
    {
      const char *in = s + len - 3;
      gboolean ok;

      out_len = len - 3;
      ok = g_ascii_isdigit (in[0]) && g_ascii_isalpha (in[1]) &&
           g_ascii_isalpha (in[2]);
      /* Outward code: one or two letters, a digit, then a digit or a
       * letter; "GIR 0AA" is the one historic exception. */
      if (ok && !(out_len == 3 && strncmp (s, "GIR", 3) == 0))
        {
          gsize i = 0;

          while (i < out_len && i < 2 && g_ascii_isalpha (s[i]))
            i++;
          ok = i >= 1 && i < out_len && g_ascii_isdigit (s[i]);
          i++;
          if (ok && i < out_len)
            ok = g_ascii_isalnum (s[i++]);
          ok = ok && i == out_len;
        }
      if (ok)
        return g_strdup_printf ("%.*s %s", (int) out_len, s, in);
    }

  shown = g_strstrip (g_strdup (text));
  g_set_error (error, CR_VALIDATE_ERROR, CR_VALIDATE_ERROR_POSTCODE,
               _("“%s” doesn’t look like a UK postcode. It should look like "
                 "AV1 2BC or SW1A 1AA."),
               shown);
  return NULL;
}

/**
 * cr_validate_email:
 * @text: what was typed
 *
 * Checks @text looks like an email address: something, one "@", and a
 * domain with a dot in it, with no spaces.
 *
 * Returns: (transfer full) (nullable): the address without surrounding
 *   spaces, or %NULL with @error set
 */
char *
cr_validate_email (const char  *text,
                   GError     **error)
{
  g_autofree char *email = NULL;
  const char *at;
  const char *dot;

  g_return_val_if_fail (text != NULL, NULL);

  email = g_strstrip (g_strdup (text));
  at = strchr (email, '@');
  dot = at ? strrchr (at, '.') : NULL;

  if (at != NULL && at != email && strchr (at + 1, '@') == NULL &&
      dot != NULL && dot > at + 1 && dot[1] != '\0' &&
      strpbrk (email, " \t\r\n,;<>()[]\\\"") == NULL &&
      g_utf8_validate (email, -1, NULL))
    return g_steal_pointer (&email);

  g_set_error (error, CR_VALIDATE_ERROR, CR_VALIDATE_ERROR_EMAIL,
               _("“%s” doesn’t look like an email address. It should look "
                 "like name@example.org."),
               email);
  return NULL;
}

/**
 * cr_validate_phone:
 * @text: what was typed
 *
 * Checks @text looks like a phone number: digits, with spaces, brackets,
 * dashes and a leading "+" allowed, at least ten digits in all (UK numbers
 * have ten or eleven).
 *
 * Returns: (transfer full) (nullable): the number without surrounding
 *   spaces, or %NULL with @error set
 */
char *
cr_validate_phone (const char  *text,
                   GError     **error)
{
  g_autofree char *phone = NULL;
  guint digits = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  phone = g_strstrip (g_strdup (text));
  for (const char *p = phone; *p != '\0' && ok; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+')
        ok = p == phone;
      else
        ok = strchr (" ()-.", *p) != NULL;
    }

  if (ok && digits >= 10 && digits <= 15)
    return g_steal_pointer (&phone);

  g_set_error (error, CR_VALIDATE_ERROR, CR_VALIDATE_ERROR_PHONE,
               _("“%s” doesn’t look like a phone number. It should look "
                 "like 07700 900123 or +44 7700 900123."),
               phone);
  return NULL;
}
