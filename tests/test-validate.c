/* test-validate.c: postcode, email and phone shapes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-validate.h"

#include <string.h>

static void
test_postcode_good (void)
{
  static const struct
  {
    const char *typed;
    const char *tidy;
  } cases[] = {
    { "AV1 2BC", "AV1 2BC" },
    { "av12bc", "AV1 2BC" },
    { "  sw1a 1aa ", "SW1A 1AA" },
    { "M1 1AE", "M1 1AE" },
    { "B33 8TH", "B33 8TH" },
    { "CR2 6XH", "CR2 6XH" },
    { "DN55 1PT", "DN55 1PT" },
    { "W1A 0AX", "W1A 0AX" },
    { "EC1A 1BB", "EC1A 1BB" },
    { "GIR 0AA", "GIR 0AA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tidy = cr_validate_postcode (cases[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (tidy, ==, cases[i].tidy);
    }
}

static void
test_postcode_bad (void)
{
  static const char *const cases[] = {
    "", "AV1", "AV12", "12345", "AV1 2B", "AV1 BBC", "1V1 2BC", "AVV1 2BC",
    "AV1 2BCD", "A-1 2BC", "AV1A1 2BC", "££",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tidy = cr_validate_postcode (cases[i], &error);

      g_assert_null (tidy);
      g_assert_error (error, CR_VALIDATE_ERROR, CR_VALIDATE_ERROR_POSTCODE);
      g_assert_nonnull (strstr (error->message, "AV1 2BC"));
    }
}

static void
test_email (void)
{
  static const char *const good[] = {
    "sean@example.org", " k.mensah@example.org ", "a+b@mail.example.co.uk",
    "zoë@example.org",
  };
  static const char *const bad[] = {
    "", "sean", "@example.org", "sean@", "sean@example", "sean@.org",
    "sean@example.", "se an@example.org", "a@b@example.org",
    "sean@example.org;", "<sean@example.org>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tidy = cr_validate_email (good[i], &error);
      g_autofree char *expected = g_strstrip (g_strdup (good[i]));

      g_assert_no_error (error);
      g_assert_cmpstr (tidy, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tidy = cr_validate_email (bad[i], &error);

      g_assert_null (tidy);
      g_assert_error (error, CR_VALIDATE_ERROR, CR_VALIDATE_ERROR_EMAIL);
    }
}

static void
test_phone (void)
{
  static const char *const good[] = {
    "07700 900123", "+44 7700 900123", "(0161) 496 0000", "0161-496-0000",
    "01632960001",
  };
  static const char *const bad[] = {
    "", "12345", "0770 090", "07700 9OO123", "44+ 7700 900123",
    "call me", "07700 900123 ext 4 and more digits 12345",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tidy = cr_validate_phone (good[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (tidy, ==, good[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tidy = cr_validate_phone (bad[i], &error);

      g_assert_null (tidy);
      g_assert_error (error, CR_VALIDATE_ERROR, CR_VALIDATE_ERROR_PHONE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/postcode/good", test_postcode_good);
  g_test_add_func ("/validate/postcode/bad", test_postcode_bad);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);

  return g_test_run ();
}
