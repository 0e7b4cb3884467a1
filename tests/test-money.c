/* test-money.c: reading, writing and sharing out amounts of pence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-ledger.h"
#include "cr-money.h"
#include "cr-transaction-import.h"

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

/* The cases the money issue names, in one place. */
static void
test_parse_issue_cases (void)
{
  const ParseCase good[] = {
    { "£1,234.56", 123456 },
    { "1234.5", 123450 },
    { "-3.00", -300 },
  };
  const char *const bad[] = { "12.345", "twelve pounds", "abc", "£", "1.2.3" };

  check_parses (good, G_N_ELEMENTS (good));
  check_refuses (bad, G_N_ELEMENTS (bad), CR_MONEY_ERROR_INVALID);
}

static void
test_check_sane (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cr_money_check_sane (1, CR_MONEY_POSITIVE, "The amount", NULL));
  g_assert_true (cr_money_check_sane (0, CR_MONEY_NOT_NEGATIVE, "The amount", NULL));
  g_assert_true (cr_money_check_sane (-500, CR_MONEY_NOT_ZERO, "The amount", NULL));
  g_assert_true (cr_money_check_sane (CR_MONEY_SANE_PENCE, CR_MONEY_ANY, "x", NULL));

  g_assert_false (cr_money_check_sane (-1, CR_MONEY_POSITIVE, "The claim", &error));
  g_assert_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_NOT_SANE);
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);

  g_assert_false (cr_money_check_sane (0, CR_MONEY_NOT_ZERO, "The amount", &error));
  g_assert_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_NOT_SANE);
  g_assert_nonnull (strstr (error->message, "£0.00"));
  g_clear_error (&error);

  g_assert_false (cr_money_check_sane (CR_MONEY_SANE_PENCE + 1, CR_MONEY_ANY,
                                       "The amount", &error));
  g_assert_nonnull (strstr (error->message, "£10,000,000.01"));
  g_clear_error (&error);
  g_assert_false (cr_money_check_sane (-CR_MONEY_SANE_PENCE - 1, CR_MONEY_NOT_ZERO,
                                       "The amount", &error));
  g_assert_error (error, CR_MONEY_ERROR, CR_MONEY_ERROR_NOT_SANE);
}

/* Two grants, one restricted and one not, and the association's own
 * money: each entry lands in the right fund, and the funds add up to the
 * whole cash book. */
static void
test_ledger_funds (void)
{
  const CrLedgerGrant grants[] = {
    { 1, TRUE, TRUE, 100000, "2026-01-01", "2026-12-31" },
    { 2, TRUE, FALSE, 50000, NULL, NULL },
    { 3, FALSE, TRUE, 0, NULL, NULL },
  };
  const CrLedgerEntry entries[] = {
    { 1, 1, 1, 15, 100000, "2026-01-10" },   /* grant 1 paid in */
    { 2, 1, 1, 1, -12050, "2026-02-01" },    /* grant 1 spent */
    { 3, 1, 1, 2, -3333, "2026-02-03" },
    { 4, 1, 2, 15, 50000, "2026-02-04" },    /* unrestricted grant */
    { 5, 1, 2, 3, -999, "2026-02-05" },
    { 6, 2, 0, 17, 2500, "2026-02-06" },     /* own money, petty cash */
    { 7, 2, 0, 3, -1250, "2026-02-07" },
  };
  g_autoptr (GArray) funds = cr_ledger_fund_balances (grants, G_N_ELEMENTS (grants),
                                                      entries, G_N_ELEMENTS (entries));
  CrFundBalance *own, *g1, *g3;
  gint64 total = 0, funds_total = 0;

  /* The unrestricted fund first, then grants 1 and 3 (2 is unrestricted). */
  g_assert_cmpuint (funds->len, ==, 3);
  own = &g_array_index (funds, CrFundBalance, 0);
  g1 = &g_array_index (funds, CrFundBalance, 1);
  g3 = &g_array_index (funds, CrFundBalance, 2);
  g_assert_cmpint (own->grant_id, ==, 0);
  g_assert_cmpint (g1->grant_id, ==, 1);
  g_assert_cmpint (g3->grant_id, ==, 3);

  g_assert_cmpint (g1->income, ==, 100000);
  g_assert_cmpint (g1->spent, ==, 15383);
  g_assert_cmpint (g1->balance, ==, 84617);
  g_assert_cmpint (own->income, ==, 52500);
  g_assert_cmpint (own->spent, ==, 2249);
  g_assert_cmpint (own->balance, ==, 50251);
  g_assert_cmpint (g3->balance, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    total += entries[i].amount;
  for (guint i = 0; i < funds->len; i++)
    funds_total += g_array_index (funds, CrFundBalance, i).balance;
  g_assert_cmpint (funds_total, ==, total);

  g_assert_cmpint (cr_ledger_grant_spent (1, entries, G_N_ELEMENTS (entries)), ==, 15383);
  g_assert_cmpint (cr_ledger_grant_spent (3, entries, G_N_ELEMENTS (entries)), ==, 0);
}

static void
test_ledger_running_balance (void)
{
  const CrLedgerEntry entries[] = {
    { 1, 1, 0, 0, 10000, "2026-01-01" },
    { 2, 1, 0, 0, -2550, "2026-01-02" },
    { 3, 1, 0, 0, -7451, "2026-01-03" },
    { 4, 1, 0, 0, 1, "2026-01-04" },
  };
  gint64 balances[G_N_ELEMENTS (entries)];

  cr_ledger_running_balance (500, entries, G_N_ELEMENTS (entries), balances);
  g_assert_cmpint (balances[0], ==, 10500);
  g_assert_cmpint (balances[1], ==, 7950);
  g_assert_cmpint (balances[2], ==, 499);
  g_assert_cmpint (balances[3], ==, 500);
}

static void
test_ledger_overspend (void)
{
  const CrLedgerLine lines[] = {
    { 1, 10, 20000 },
    { 1, 11, 5000 },
    { 2, 12, 100 },
  };
  const CrLedgerEntry entries[] = {
    { 1, 1, 1, 10, -15000, "2026-03-01" },
    { 2, 1, 1, 10, -6000, "2026-03-02" },   /* line 10 now over by £10 */
    { 3, 1, 1, 11, -5000, "2026-03-03" },   /* line 11 exactly used */
    { 4, 1, 1, 11, 200, "2026-03-04" },     /* a refund to line 11 */
    { 5, 1, 2, 10, -999, "2026-03-05" },    /* another grant's: not counted */
  };
  g_autoptr (GArray) uses = cr_ledger_line_use (lines, G_N_ELEMENTS (lines), entries,
                                                G_N_ELEMENTS (entries));
  CrLineUse *u;

  g_assert_cmpuint (uses->len, ==, 3);
  u = &g_array_index (uses, CrLineUse, 0);
  g_assert_cmpint (u->spent, ==, 21000);
  g_assert_true (u->over);
  u = &g_array_index (uses, CrLineUse, 1);
  g_assert_cmpint (u->spent, ==, 4800);
  g_assert_false (u->over);
  u = &g_array_index (uses, CrLineUse, 2);
  g_assert_cmpint (u->spent, ==, 0);
  g_assert_false (u->over);
}

static void
test_ledger_check_spend (void)
{
  const CrLedgerGrant restricted = { 1, TRUE, TRUE, 10000, NULL, NULL };
  const CrLedgerGrant open = { 2, TRUE, FALSE, 10000, NULL, NULL };
  const CrLedgerGrant applied = { 3, FALSE, TRUE, 0, NULL, NULL };
  const CrLedgerLine lines[] = { { 1, 10, 8000 }, { 1, 11, 2000 } };
  CrLedgerEntry spend = { 0, 1, 1, 10, -4000, "2026-03-01" };
  g_autoptr (GError) error = NULL;

  g_assert_true (cr_ledger_check_spend (&restricted, "Pride", lines, 2, 0, &spend, &error));
  g_assert_no_error (error);
  /* Exactly the whole award is fine; a penny more is not. */
  g_assert_true (cr_ledger_check_spend (&restricted, "Pride", lines, 2, 6000, &spend, NULL));
  g_assert_false (cr_ledger_check_spend (&restricted, "Pride", lines, 2, 6001, &spend, &error));
  g_assert_error (error, CR_LEDGER_ERROR, CR_LEDGER_ERROR_OVERSPENT);
  g_assert_nonnull (strstr (error->message, "£39.99"));
  g_clear_error (&error);

  /* A line the grant hasn't got. */
  spend.category_id = 12;
  g_assert_false (cr_ledger_check_spend (&restricted, "Pride", lines, 2, 0, &spend, &error));
  g_assert_error (error, CR_LEDGER_ERROR, CR_LEDGER_ERROR_NO_LINE);
  g_clear_error (&error);
  spend.category_id = 0;
  g_assert_false (cr_ledger_check_spend (&restricted, "Pride", lines, 2, 0, &spend, &error));
  g_assert_error (error, CR_LEDGER_ERROR, CR_LEDGER_ERROR_NO_LINE);
  g_clear_error (&error);

  /* An unrestricted grant pays for anything. */
  g_assert_true (cr_ledger_check_spend (&open, "Open", lines, 2, 0, &spend, NULL));

  /* A grant only applied for holds nothing, in or out. */
  spend.amount = 500;
  g_assert_false (cr_ledger_check_spend (&applied, "Hope", lines, 2, 0, &spend, &error));
  g_assert_error (error, CR_LEDGER_ERROR, CR_LEDGER_ERROR_NOT_AWARDED);
  /* Money in to an awarded grant is always fine. */
  g_assert_true (cr_ledger_check_spend (&restricted, "Pride", lines, 2, 99999, &spend, NULL));
}

static void
test_ledger_unspent (void)
{
  CrLedgerGrant grant = { 1, TRUE, TRUE, 10000, "2025-04-01", "2026-03-31" };
  gint64 left = 0;

  g_assert_false (cr_ledger_unspent_late (&grant, 2000, "2026-03-31", &left));
  g_assert_cmpint (left, ==, 8000);
  g_assert_true (cr_ledger_unspent_late (&grant, 2000, "2026-04-01", &left));
  g_assert_false (cr_ledger_unspent_late (&grant, 10000, "2026-04-01", &left));
  grant.period_end = NULL;
  g_assert_false (cr_ledger_unspent_late (&grant, 0, "2030-01-01", NULL));
}

static CrTransactionImport *
import_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  CrTransactionImport *import =
    cr_transaction_import_new_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
test_import_amount_column (void)
{
  g_autoptr (CrTransactionImport) import =
    import_text ("Date,Description,Amount,Category,Receipt\r\n"
                 "02/04/2026,Hall hire,-45.00,Room hire,R1\r\n"
                 "2026-04-03,Council grant,\"£1,000.00\",,\r\n");
  GPtrArray *rows;
  CrTransactionRow *row;

  g_assert_true (cr_transaction_import_check (import));
  rows = cr_transaction_import_get_rows (import);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->date, ==, "2026-04-02");
  g_assert_cmpint (row->amount, ==, -4500);
  g_assert_cmpstr (row->category, ==, "Room hire");
  g_assert_cmpstr (row->receipt, ==, "R1");
  g_assert_cmpuint (row->line, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->amount, ==, 100000);
  g_assert_null (row->category);
}

static void
test_import_paid_columns (void)
{
  g_autoptr (CrTransactionImport) import =
    import_text ("Date;Details;Paid out;Paid in;Balance\n"
                 "01/05/2026;Tea and biscuits;12.5;;100.00\n"
                 "02/05/2026;Raffle;;30;130.00\n");
  GPtrArray *rows;

  g_assert_true (cr_transaction_import_check (import));
  rows = cr_transaction_import_get_rows (import);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((CrTransactionRow *) g_ptr_array_index (rows, 0))->amount, ==, -1250);
  g_assert_cmpint (((CrTransactionRow *) g_ptr_array_index (rows, 1))->amount, ==, 3000);
}

static void
test_import_problems (void)
{
  g_autoptr (CrTransactionImport) import =
    import_text ("Date,Description,Paid out,Paid in\n"
                 "01/05/2026,Fine,1.00,\n"
                 "31/02/2026,Bad date,1.00,\n"
                 "02/05/2026,,1.00,\n"
                 "03/05/2026,Both,1.00,2.00\n"
                 "\n"
                 "04/05/2026,Too precise,12.345,\n"
                 "05/05/2026,Zero,0.00,\n");
  g_autofree char *text = NULL;
  GPtrArray *problems;

  g_assert_false (cr_transaction_import_check (import));
  problems = cr_transaction_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 5);
  text = cr_transaction_import_describe_problems (import, "bank.csv", 0);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "bank.csv:3: "));
  g_assert_nonnull (strstr (text, "bank.csv:4: The description is missing"));
  g_assert_nonnull (strstr (text, "bank.csv:5: Both"));
  g_assert_nonnull (strstr (text, "bank.csv:7: “12.345” is not an amount"));
  g_assert_nonnull (strstr (text, "bank.csv:8: The amount is £0.00"));
  g_assert_null (strstr (text, "bank.csv:2:"));
}

static void
test_import_no_columns (void)
{
  g_autoptr (CrTransactionImport) import =
    import_text ("When,What,How much\n01/01/2026,x,1\n");
  g_autofree char *text = NULL;

  g_assert_false (cr_transaction_import_check (import));
  text = cr_transaction_import_describe_problems (import, "f.csv", 0);
  g_assert_nonnull (strstr (text, "f.csv:1: No column is headed “Date”"));
  g_assert_nonnull (strstr (text, "“Amount”"));
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

  g_test_add_func ("/money/parse/issue-cases", test_parse_issue_cases);
  g_test_add_func ("/money/check-sane", test_check_sane);
  g_test_add_func ("/money/ledger/funds", test_ledger_funds);
  g_test_add_func ("/money/ledger/running-balance", test_ledger_running_balance);
  g_test_add_func ("/money/ledger/overspend", test_ledger_overspend);
  g_test_add_func ("/money/ledger/check-spend", test_ledger_check_spend);
  g_test_add_func ("/money/ledger/unspent", test_ledger_unspent);
  g_test_add_func ("/money/import/amount-column", test_import_amount_column);
  g_test_add_func ("/money/import/paid-columns", test_import_paid_columns);
  g_test_add_func ("/money/import/problems", test_import_problems);
  g_test_add_func ("/money/import/no-columns", test_import_no_columns);

  return g_test_run ();
}
