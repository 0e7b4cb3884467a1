/* test-money.c: reading, writing and sharing out amounts of pence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-money.h"

#include <string.h>

typedef struct
{
  const char *text;
  gint64      pence;
} ParseCase;

static void
check_parses (const ParseCase *cases,
              gsize            n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 pence = G_MININT64;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (cr_money_parse (cases[i].text, &pence, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pence, ==, cases[i].pence);
    }
}

static void
check_refuses (const char *const *texts,
               gsize              n_texts,
               CrMoneyError       code)
{
  gsize i;

  for (i = 0; i < n_texts; i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 pence = 4242;

      {
        /* Escaped: some cases are not UTF-8, which TAP readers refuse. */
        g_autofree char *shown = g_strescape (texts[i], NULL);

        g_test_message ("refusing “%s”", shown);
      }
      g_assert_false (cr_money_parse (texts[i], &pence, &error));
      g_assert_error (error, CR_MONEY_ERROR, (gint) code);
      /* A refused amount leaves the old value alone. */
      g_assert_cmpint (pence, ==, 4242);
    }
}

static void
test_parse_plain (void)
{
  static const ParseCase cases[] = {
    { "0", 0 },
    { "3", 300 },
    { "3.5", 350 },
    { "3.50", 350 },
    { "3.05", 305 },
    { ".50", 50 },
    { ".5", 50 },
    { "0.01", 1 },
    { "3.", 300 },
    { "007", 700 },
    { "1234.56", 123456 },
    { "  42.10\t", 4210 },
    { "+3", 300 },
    { "0000000000000000001.00", 100 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_currency (void)
{
  static const ParseCase cases[] = {
    { "£3", 300 },
    { "£3.00", 300 },
    { " £1,234.56 ", 123456 },
    { "£ 3.00", 300 },
    { "GBP 3.00", 300 },
    { "GBP3", 300 },
    { "gbp 12.5", 1250 },
    { "£0.05", 5 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_commas (void)
{
  static const ParseCase cases[] = {
    { "1,234.56", 123456 },
    { "12,345", 1234500 },
    { "123,456.7", 12345670 },
    { "1,234,567.89", 123456789 },
    { "£1,000", 100000 },
    { "999,999,999,999.99", G_GINT64_CONSTANT (99999999999999) },
  };
  static const char *const refused[] = {
    "1,23", "1,2345", ",123", "1,,234", "12,34,567", "1234,567",
    "0,123", "1,234,56", "3,00", "1.234,56", "1,", "1,234,", "1,234.567",
  };

  check_parses (cases, G_N_ELEMENTS (cases));
  check_refuses (refused, G_N_ELEMENTS (refused), CR_MONEY_ERROR_INVALID);
}

static void
test_parse_negative (void)
{
  static const ParseCase cases[] = {
    { "-3", -300 },
    { "-£3.00", -300 },
    { "£-3.00", -300 },
    { "-GBP 3.00", -300 },
    { "GBP -3.00", -300 },
    { "(3.00)", -300 },
    { "(£3.00)", -300 },
    { "( £1,234.56 )", -123456 },
    { "(GBP 3)", -300 },
    { "-0.01", -1 },
    { "-0", 0 },
    { "(0.00)", 0 },
  };

  check_parses (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_invalid (void)
{
  static const char *const refused[] = {
    "", "   ", "abc", "£", "GBP", "-", "-£", ".", "£.", "()", "(", ")",
    "1.234", "3.555", "3.5.5", "--3", "-+3", "-£-3", "££3", "£GBP3",
    "(-3.00)", "-(3.00)", "(3.00", "3.00)", "((3))", "1e5", "1E5", "0x10",
    "3-", "3 -", "£3.00 extra", "3 pounds", "1 234", "NaN", "inf",
    "€3", "$3", "3p", "٣", "\xc2", "3\xff",
  };

  check_refuses (refused, G_N_ELEMENTS (refused), CR_MONEY_ERROR_INVALID);
}

static void
test_parse_too_large (void)
{
  static const char *const refused[] = {
    "£1,000,000,000,000.01",
    "-£1,000,000,000,000.01",
    "(£1,000,000,000,000.01)",
    "10000000000000",
    "9999999999999.99",
    "99999999999999999999999999999999",
    "-£2,000,000,000,000",
  };
  static const ParseCase cases[] = {
    { "£1,000,000,000,000", CR_MONEY_MAX_PENCE },
    { "-£1,000,000,000,000.00", -CR_MONEY_MAX_PENCE },
    { "999999999999.99", CR_MONEY_MAX_PENCE - 1 },
  };

  check_refuses (refused, G_N_ELEMENTS (refused), CR_MONEY_ERROR_TOO_LARGE);
  check_parses (cases, G_N_ELEMENTS (cases));

  /* Syntax first: a long number with junk after it is not an amount at all. */
  check_refuses ((const char *const[]) { "99999999999999999999x" }, 1,
                 CR_MONEY_ERROR_INVALID);
}

static void
test_parse_messages (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = NULL;

  g_assert_false (cr_money_parse (" 1.234 ", NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "“1.234” is not an amount of money; write it like £1,234.56");
  g_clear_error (&error);

  g_assert_false (cr_money_parse ("£2,000,000,000,000", NULL, &error));
  g_assert_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“£2,000,000,000,000”"));
  g_assert_nonnull (strstr (error->message, "£1,000,000,000,000.00"));
  g_clear_error (&error);

  g_assert_false (cr_money_parse ("", NULL, &error));
  g_assert_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "£1,234.56"));
  g_clear_error (&error);

  /* A pasted paragraph is quoted back only in part, and bad UTF-8 never
   * reaches a message. */
  long_text = g_strnfill (5000, 'x');
  g_assert_false (cr_money_parse (long_text, NULL, &error));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "…"));
  g_clear_error (&error);

  g_assert_false (cr_money_parse ("3\xff", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* Without an error location the answer is the same. */
  g_assert_false (cr_money_parse ("abc", NULL, NULL));
  g_assert_true (cr_money_parse ("£3", NULL, NULL));
}

static void
test_format (void)
{
  static const struct
  {
    gint64      pence;
    const char *text;
    const char *plain;
  } cases[] = {
    { 0, "£0.00", "0.00" },
    { 5, "£0.05", "0.05" },
    { -5, "-£0.05", "-0.05" },
    { 50, "£0.50", "0.50" },
    { 300, "£3.00", "3.00" },
    { -300, "-£3.00", "-3.00" },
    { 99999, "£999.99", "999.99" },
    { 100000, "£1,000.00", "1000.00" },
    { 123456, "£1,234.56", "1234.56" },
    { -123456, "-£1,234.56", "-1234.56" },
    { 1234567890, "£12,345,678.90", "12345678.90" },
    { 12345678901, "£123,456,789.01", "123456789.01" },
    { CR_MONEY_MAX_PENCE, "£1,000,000,000,000.00", "1000000000000.00" },
    { G_MAXINT64, "£92,233,720,368,547,758.07", "92233720368547758.07" },
    { G_MININT64, "-£92,233,720,368,547,758.08", "-92233720368547758.08" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cr_money_format (cases[i].pence);
      g_autofree char *plain = cr_money_format_plain (cases[i].pence);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

/* A random amount anywhere in what cr_money_parse() accepts, most of them
 * small as real amounts are. */
static gint64
random_amount (void)
{
  guint64 raw = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
  gint64 limit;

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      limit = 1000;
      break;
    case 1:
      limit = 10000000;
      break;
    case 2:
      limit = G_GINT64_CONSTANT (100000000000);
      break;
    default:
      limit = CR_MONEY_MAX_PENCE;
      break;
    }
  return (gint64) (raw % (guint64) (2 * limit + 1)) - limit;
}

static void
test_round_trip (void)
{
  int i;

  for (i = 0; i < 20000; i++)
    {
      gint64 amount = random_amount ();
      g_autofree char *text = cr_money_format (amount);
      g_autofree char *plain = cr_money_format_plain (amount);
      g_autofree char *bracketed = NULL;
      gint64 back = amount + 1;

      g_assert_true (cr_money_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, amount);
      back = amount + 1;
      g_assert_true (cr_money_parse (plain, &back, NULL));
      g_assert_cmpint (back, ==, amount);

      if (amount > 0)
        {
          bracketed = g_strdup_printf ("(%s)", text);
          g_assert_true (cr_money_parse (bracketed, &back, NULL));
          g_assert_cmpint (back, ==, -amount);
        }
    }
}

static void
check_parts (const gint64 *parts,
             const gint64 *expected,
             guint         n)
{
  guint i;

  for (i = 0; i < n; i++)
    g_assert_cmpint (parts[i], ==, expected[i]);
}

static void
test_split (void)
{
  gint64 parts[10];

  cr_money_split (100, 3, parts);
  check_parts (parts, (const gint64[]) { 34, 33, 33 }, 3);

  cr_money_split (-100, 3, parts);
  check_parts (parts, (const gint64[]) { -34, -33, -33 }, 3);

  cr_money_split (5, 10, parts);
  check_parts (parts, (const gint64[]) { 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 }, 10);

  cr_money_split (-5, 10, parts);
  check_parts (parts, (const gint64[]) { -1, -1, -1, -1, -1, 0, 0, 0, 0, 0 },
               10);

  cr_money_split (0, 4, parts);
  check_parts (parts, (const gint64[]) { 0, 0, 0, 0 }, 4);

  cr_money_split (12345, 1, parts);
  check_parts (parts, (const gint64[]) { 12345 }, 1);

  cr_money_split (1000, 4, parts);
  check_parts (parts, (const gint64[]) { 250, 250, 250, 250 }, 4);

  cr_money_split (G_MAXINT64, 2, parts);
  check_parts (parts, (const gint64[]) { G_MAXINT64 / 2 + 1, G_MAXINT64 / 2 },
               2);

  cr_money_split (G_MININT64, 3, parts);
  g_assert_cmpint (parts[0] + parts[1] + parts[2], ==, G_MININT64);
  g_assert_cmpint (parts[0] - parts[2], >=, -1);
}

static void
test_split_property (void)
{
  int round;

  for (round = 0; round < 5000; round++)
    {
      gint64 total = random_amount ();
      guint n = (guint) g_test_rand_int_range (1, 60);
      g_autofree gint64 *parts = g_new (gint64, n);
      gint64 sum = 0;
      guint i;

      cr_money_split (total, n, parts);
      for (i = 0; i < n; i++)
        {
          sum += parts[i];
          /* Parts never grow further from zero down the list, and differ
           * by a penny at most. */
          if (i > 0 && total >= 0)
            g_assert_cmpint (parts[i], <=, parts[i - 1]);
          if (i > 0 && total < 0)
            g_assert_cmpint (parts[i], >=, parts[i - 1]);
          g_assert_cmpint (ABS (parts[i] - parts[0]), <=, 1);
        }
      g_assert_cmpint (sum, ==, total);
    }
}

static void
test_allocate (void)
{
  gint64 parts[4] = { 7, 7, 7, 7 };

  g_assert_true (cr_money_allocate (100, (const guint[]) { 1, 1, 1 }, 3, parts));
  check_parts (parts, (const gint64[]) { 34, 33, 33 }, 3);

  /* Exact shares 16.67, 33.33, 50: the first lost most in rounding. */
  g_assert_true (cr_money_allocate (100, (const guint[]) { 1, 2, 3 }, 3, parts));
  check_parts (parts, (const gint64[]) { 17, 33, 50 }, 3);

  g_assert_true (cr_money_allocate (-100, (const guint[]) { 1, 2, 3 }, 3, parts));
  check_parts (parts, (const gint64[]) { -17, -33, -50 }, 3);

  /* Exact shares 33.33, 66.67: the second lost most. */
  g_assert_true (cr_money_allocate (100, (const guint[]) { 1, 2 }, 2, parts));
  check_parts (parts, (const gint64[]) { 33, 67 }, 2);

  g_assert_true (cr_money_allocate (100, (const guint[]) { 0, 5, 0 }, 3, parts));
  check_parts (parts, (const gint64[]) { 0, 100, 0 }, 3);

  g_assert_true (cr_money_allocate (1, (const guint[]) { 0, 1, 1, 0 }, 4, parts));
  check_parts (parts, (const gint64[]) { 0, 1, 0, 0 }, 4);

  g_assert_true (cr_money_allocate (G_MININT64, (const guint[]) { 3 }, 1, parts));
  g_assert_cmpint (parts[0], ==, G_MININT64);

  g_assert_true (cr_money_allocate (G_MAXINT64,
                                    (const guint[]) { G_MAXUINT, G_MAXUINT, 1 },
                                    3, parts));
  /* The first two lose the same in rounding: the earlier gets the penny. */
  g_assert_cmpint (parts[0] - parts[1], >=, 0);
  g_assert_cmpint (parts[0] - parts[1], <=, 1);
  g_assert_cmpint (parts[0] + parts[1] + parts[2], ==, G_MAXINT64);

  /* Nothing to share by: refused, and the parts are left alone. */
  parts[0] = parts[1] = 7;
  g_assert_false (cr_money_allocate (100, (const guint[]) { 0, 0 }, 2, parts));
  check_parts (parts, (const gint64[]) { 7, 7 }, 2);
  g_assert_false (cr_money_allocate (100, NULL, 0, NULL));
}

static void
test_allocate_property (void)
{
  int round;

  for (round = 0; round < 5000; round++)
    {
      /* Every fifth round the whole gint64 range, to exercise the 96-bit
       * intermediate products. */
      gint64 total = round % 5 == 0
        ? (gint64) (((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ())
        : random_amount ();
      guint n = (guint) g_test_rand_int_range (1, 20);
      g_autofree guint *weights = g_new (guint, n);
      g_autofree gint64 *parts = g_new (gint64, n);
      g_autofree gint64 *split = g_new (gint64, n);
      gint64 sum = 0;
      guint64 weight_sum = 0;
      guint i;

      for (i = 0; i < n; i++)
        {
          switch (g_test_rand_int_range (0, 4))
            {
            case 0:
              weights[i] = 0;
              break;
            case 1:
              weights[i] = (guint) g_test_rand_int_range (1, 10);
              break;
            case 2:
              weights[i] = (guint) g_test_rand_int_range (1, 100000);
              break;
            default:
              weights[i] = (guint32) g_test_rand_int ();
              break;
            }
          weight_sum += weights[i];
        }

      if (weight_sum == 0)
        {
          g_assert_false (cr_money_allocate (total, weights, n, parts));
          continue;
        }

      g_assert_true (cr_money_allocate (total, weights, n, parts));
      for (i = 0; i < n; i++)
        {
          sum += parts[i];
          if (weights[i] == 0)
            g_assert_cmpint (parts[i], ==, 0);
          /* Same sign as the total, or nothing. */
          g_assert_true (parts[i] == 0 || (parts[i] < 0) == (total < 0));
#ifdef __SIZEOF_INT128__
          {
            /* Within a penny of the exact share: |part × W − total × w| < W. */
            __int128 exact = (__int128) total * weights[i];
            __int128 got = (__int128) parts[i] * (__int128) weight_sum;
            __int128 diff = got - exact;

            if (diff < 0)
              diff = -diff;
            g_assert_true (diff < (__int128) weight_sum);
          }
#endif
        }
      g_assert_cmpint (sum, ==, total);

      /* Equal weights share exactly as cr_money_split() does. */
      for (i = 0; i < n; i++)
        weights[i] = 3;
      g_assert_true (cr_money_allocate (total, weights, n, parts));
      cr_money_split (total, n, split);
      check_parts (parts, split, n);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/plain", test_parse_plain);
  g_test_add_func ("/money/parse/currency", test_parse_currency);
  g_test_add_func ("/money/parse/commas", test_parse_commas);
  g_test_add_func ("/money/parse/negative", test_parse_negative);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/money/parse/too-large", test_parse_too_large);
  g_test_add_func ("/money/parse/messages", test_parse_messages);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/split", test_split);
  g_test_add_func ("/money/split/property", test_split_property);
  g_test_add_func ("/money/allocate", test_allocate);
  g_test_add_func ("/money/allocate/property", test_allocate_property);

  return g_test_run ();
}
