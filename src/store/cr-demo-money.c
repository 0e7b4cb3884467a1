/* cr-demo-money.c: a year of the treasurer's books for the demo file
 *
 * Four funders and five grants in every state (one running with a report
 * due soon, one ended with money unspent and its report overdue, one
 * unrestricted, one applied for, one declined), a bank account and petty
 * cash, a year of cash book entries that respect every restricted fund,
 * and volunteers' expenses claims at each stage. The size is fixed, not
 * proportional to the members, so the benchmark file is no slower to make.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-date.h"
#include "cr-store-money.h"
#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  CrStore *store;
  GRand   *rand;
  GDate    today;
  gint64   bank;
  gint64   cash;
  GArray  *meetings; /* MeetingDate, by date */
} DemoMoney;

typedef struct
{
  gint64 id;
  char   date[11];
} MeetingDate;

static char *
days_ago (DemoMoney *d, int days)
{
  GDate date = d->today;

  if (days >= 0)
    g_date_subtract_days (&date, (guint) days);
  else
    g_date_add_days (&date, (guint) -days);
  return cr_date_to_iso (&date);
}

static gint64
category (DemoMoney *d, const char *name)
{
  return cr_store_find_category (d->store, name, NULL);
}

/* The last meeting held on or before @date, to say who approved a spend. */
static gint64
approving_meeting (DemoMoney *d, const char *date)
{
  gint64 id = 0;

  for (guint i = 0; i < d->meetings->len; i++)
    {
      MeetingDate *m = &g_array_index (d->meetings, MeetingDate, i);

      if (strcmp (m->date, date) > 0)
        break;
      id = m->id;
    }
  return id;
}

static gboolean
entry (DemoMoney  *d,
       gint64      account,
       int         ago,
       const char *party,
       const char *description,
       const char *category_name,
       gint64      grant,
       CrPayMethod method,
       gint64      amount,
       GError    **error)
{
  g_autofree char *date = days_ago (d, ago);
  g_autofree char *receipt = NULL;
  CrCashEntry      e = { 0 };

  if (ago < 0)
    return TRUE;
  if (amount < 0)
    receipt = g_strdup_printf ("R%03d", g_rand_int_range (d->rand, 1, 999));
  e.account_id = account;
  e.date = date;
  e.party = (char *) party;
  e.description = (char *) description;
  e.category_id = category_name ? category (d, category_name) : 0;
  e.grant_id = grant;
  e.method = method;
  e.receipt = receipt;
  e.amount = amount;
  if (amount < 0)
    e.approved_at = approving_meeting (d, date);
  return cr_store_save_entry (d->store, &e, error) != 0;
}

static gint64
grant (DemoMoney    *d,
       gint64        funder,
       const char   *name,
       const char   *purpose,
       CrGrantStatus status,
       gint64        amount,
       int           start_ago,
       int           end_ago,
       gboolean      restricted,
       GError      **error)
{
  g_autofree char *applied = days_ago (d, start_ago + 90);
  g_autofree char *awarded = days_ago (d, start_ago + 20);
  g_autofree char *start = days_ago (d, start_ago);
  g_autofree char *end = days_ago (d, end_ago);
  CrGrant          g = { 0 };

  g.funder_id = funder;
  g.name = (char *) name;
  g.purpose = (char *) purpose;
  g.applied_on = applied;
  g.requested = amount;
  g.status = status;
  if (status == CR_GRANT_AWARDED || status == CR_GRANT_CLOSED)
    {
      g.awarded_on = awarded;
      g.awarded = amount;
    }
  g.period_start = start;
  g.period_end = end;
  g.restricted = restricted;
  g.conditions = restricted ? (char *) "Spend only on the agreed budget "
                                       "lines; keep every receipt; report "
                                       "at the middle and end of the period."
                            : NULL;
  return cr_store_save_grant (d->store, &g, error);
}

static gboolean
lines (DemoMoney         *d,
       gint64             grant_id,
       const char *const *names,
       const gint64      *amounts,
       GError           **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (cr_store_set_budget_line (d->store, grant_id, category (d, names[i]),
                                  amounts[i], error) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
read_meetings (DemoMoney *d, GError **error)
{
  sqlite3_stmt *stmt =
      _cr_store_prepare (d->store,
                         "SELECT m.id, m.date FROM meetings m "
                         "JOIN groups g ON g.id = m.group_id "
                         "WHERE m.status = 'held' AND "
                         "g.kind = 'committee' ORDER BY m.date",
                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MeetingDate m = { sqlite3_column_int64 (stmt, 0), "" };

      g_strlcpy (m.date, (const char *) sqlite3_column_text (stmt, 1),
                 sizeof m.date);
      g_array_append_val (d->meetings, m);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _cr_store_set_error (d->store, error, rc, _ ("reading the meetings"));
  return FALSE;
}

static gboolean
claims (DemoMoney *d, GError **error)
{
  static const struct
  {
    CrClaimKind kind;
    const char *what;
    gint64      amount;
    int         ago;
    int         stage; /* 0 submitted, 1 approved, 2 paid */
  } list[] = {
    { CR_CLAIM_TRAVEL, "Bus fares to the council’s tenant panel", 860, 300, 2 },
    { CR_CLAIM_CHILDCARE, "Childminder during the AGM", 2400, 240, 2 },
    { CR_CLAIM_PHONE, "Phone calls chasing repairs", 1275, 150, 2 },
    { CR_CLAIM_TRAVEL, "Train to the regional tenants’ conference", 3420, 60,
      2 },
    { CR_CLAIM_CHILDCARE, "Babysitter for the estate walkabout", 1800, 20, 1 },
    { CR_CLAIM_OTHER, "Printer ink for the newsletter", 1699, 5, 0 },
  };
  sqlite3_stmt *stmt;
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _cr_store_prepare (d->store,
                            "SELECT id FROM people WHERE "
                            "anonymised_on IS NULL ORDER BY id LIMIT 40",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (people, id);
    }
  sqlite3_reset (stmt);
  if (people->len == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    {
      g_autofree char *submitted = days_ago (d, list[i].ago);
      g_autofree char *approved = days_ago (d, MAX (list[i].ago - 7, 0));
      g_autofree char *paid = days_ago (d, MAX (list[i].ago - 10, 0));
      CrExpenseClaim   c = { 0 };
      gint64           id;

      c.person_id = g_array_index (people, gint64,
                                   g_rand_int_range (d->rand, 0, people->len));
      c.kind = list[i].kind;
      c.description = (char *) list[i].what;
      c.amount = list[i].amount;
      c.submitted_on = submitted;
      id = cr_store_add_claim (d->store, &c, error);
      if (id == 0)
        return FALSE;
      if (list[i].stage >= 1 &&
          !cr_store_approve_claim (d->store, id, approved, 0, error))
        return FALSE;
      if (list[i].stage >= 2 && cr_store_pay_claim (d->store, id, d->cash, paid,
                                                    CR_PAY_CASH, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * cr_demo_fill_money:
 * @today: the demo's today
 *
 * Adds the demo association's money records (see the top of this file),
 * inside the caller's transaction.
 */
gboolean
cr_demo_fill_money (CrStore     *store,
                    GRand       *rand,
                    const GDate *today,
                    GError     **error)
{
  static const char *const chest_lines[] = { "Room hire",    "Publicity",
                                             "Refreshments", "Childcare",
                                             "Travel",       NULL };
  static const gint64 chest_amounts[] = { 60000, 30000, 25000, 20000, 15000 };
  static const char *const garden_lines[] = { "Estate improvements",
                                              "Equipment", "Publicity", NULL };
  static const gint64      garden_amounts[] = { 350000, 90000, 40000 };
  g_autoptr (GArray) meetings =
      g_array_new (FALSE, FALSE, sizeof (MeetingDate));
  g_autofree char *year_ago = NULL;
  g_autofree char *title = NULL;
  DemoMoney        d = { store, rand, *today, 0, 0, meetings };
  gint64           council, lottery, housing, ward;
  gint64           chest, garden, tenant_fund, ward_grant, youth;
  gboolean         ok = TRUE;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  if (!read_meetings (&d, error))
    return FALSE;

  council = cr_store_add_funder (store, "Riverside Borough Council",
                                 "Community Development Team", error);
  lottery = council ? cr_store_add_funder (store, "Community Lottery Fund",
                                           NULL, error)
                    : 0;
  housing = lottery
                ? cr_store_add_funder (store, "Brightwell Homes Tenant Fund",
                                       "Resident Involvement Officer", error)
                : 0;
  ward = housing ? cr_store_add_funder (store, "Ward Councillors’ Budget", NULL,
                                        error)
                 : 0;
  if (ward == 0)
    return FALSE;

  year_ago = days_ago (&d, 365);
  d.bank = cr_store_add_account (store, "Bank account", CR_ACCOUNT_BANK, 41237,
                                 year_ago, error);
  d.cash = d.bank ? cr_store_add_account (store, "Petty cash", CR_ACCOUNT_CASH,
                                          2500, year_ago, error)
                  : 0;
  if (d.cash == 0)
    return FALSE;

  title = g_strdup_printf ("Community Chest %d", g_date_get_year (today));
  chest = grant (&d, council, title,
                 "Running costs of residents’ meetings "
                 "and the newsletter",
                 CR_GRANT_AWARDED, 150000, 300, -65, TRUE, error);
  garden = chest ? grant (&d, lottery, "Estate Garden Project",
                          "Turn the waste ground by Block C into a "
                          "community garden",
                          CR_GRANT_AWARDED, 480000, 420, 45, TRUE, error)
                 : 0;
  tenant_fund = garden
                    ? grant (&d, housing, "Tenant Fund",
                             "General running "
                             "costs",
                             CR_GRANT_AWARDED, 75000, 200, -165, FALSE, error)
                    : 0;
  ward_grant = tenant_fund
                   ? grant (&d, ward, "Summer Fun Day",
                            "A free fun "
                            "day for families on the estate",
                            CR_GRANT_APPLIED, 50000, -30, -60, TRUE, error)
                   : 0;
  youth = ward_grant ? grant (&d, lottery, "Youth Club Kit",
                              "Sports kit "
                              "for the youth club",
                              CR_GRANT_DECLINED, 120000, 250, 0, TRUE, error)
                     : 0;
  if (youth == 0)
    return FALSE;
  if (!lines (&d, chest, chest_lines, chest_amounts, error) ||
      !lines (&d, garden, garden_lines, garden_amounts, error))
    return FALSE;

  /* Monitoring reports: the Chest's interim one due in three weeks, the
   * garden's final one overdue, an earlier one sent on time. */
  {
    g_autofree char *soon = days_ago (&d, -21);
    g_autofree char *final_chest = days_ago (&d, -95);
    g_autofree char *overdue = days_ago (&d, -5 + 20);
    g_autofree char *interim = days_ago (&d, 230);
    g_autofree char *sent = days_ago (&d, 233);
    gint64           report;

    if (cr_store_add_grant_report (store, chest, soon, "Interim report",
                                   error) == 0 ||
        cr_store_add_grant_report (store, chest, final_chest, "Final report",
                                   error) == 0 ||
        cr_store_add_grant_report (store, garden, overdue,
                                   "Final report and "
                                   "photographs",
                                   error) == 0)
      return FALSE;
    report = cr_store_add_grant_report (store, garden, interim,
                                        "Interim report", error);
    if (report == 0 ||
        !cr_store_submit_grant_report (store, report, sent, error))
      return FALSE;
  }

  /* The grants paid in. */
  ok = entry (&d, d.bank, 295, "Riverside Borough Council",
              "Community Chest grant", "Grant received", chest, CR_PAY_BANK,
              150000, error) &&
       entry (&d, d.bank, 360, "Community Lottery Fund",
              "Estate Garden Project grant", "Grant received", garden,
              CR_PAY_BANK, 480000, error) &&
       entry (&d, d.bank, 195, "Brightwell Homes", "Tenant Fund grant",
              "Grant received", tenant_fund, CR_PAY_BANK, 75000, error);

  /* A year, month by month. */
  for (int month = 11; ok && month >= 0; month--)
    {
      int base = month * 30 + 5;
      int hall = g_rand_int_range (rand, 3800, 5200);

      ok = entry (&d, d.bank, base, "St Anne’s Church Hall",
                  "Hall hire for "
                  "the residents’ meeting",
                  "Room hire", base < 290 ? chest : 0, CR_PAY_BANK, -hall,
                  error) &&
           entry (&d, d.cash, base, "Corner Shop", "Tea, milk and biscuits",
                  "Refreshments", 0, CR_PAY_CASH,
                  -g_rand_int_range (rand, 650, 1900), error) &&
           entry (&d, d.cash, base - 1, NULL, "Raffle at the meeting",
                  "Fundraising", 0, CR_PAY_CASH,
                  g_rand_int_range (rand, 1500, 4500), error) &&
           entry (&d, d.bank, base + 2, "Co-operative Bank", "Account fee",
                  "Bank charges", 0, CR_PAY_BANK, -500, error);
      if (ok && month % 3 == 0)
        ok = entry (&d, d.bank, base + 10, "Print Express",
                    "Newsletter "
                    "printing",
                    "Publicity", base < 290 ? chest : 0, CR_PAY_CARD,
                    -g_rand_int_range (rand, 4500, 6500), error);
      if (ok && month % 4 == 1)
        ok = entry (&d, d.bank, base + 4, NULL, "Members’ subscriptions",
                    "Subscriptions", 0, CR_PAY_CASH,
                    g_rand_int_range (rand, 2000, 6000), error);
    }

  /* The garden: big items, its publicity line £25 over budget (allowed,
   * flagged) and £207.50 of the grant unspent after its period ended. */
  ok = ok &&
       entry (&d, d.bank, 330, "Greenways Landscaping", "Clearing the site",
              "Estate improvements", garden, CR_PAY_CHEQUE, -120000, error) &&
       entry (&d, d.bank, 280, "Timber Yard Ltd",
              "Raised beds and "
              "benches",
              "Estate improvements", garden, CR_PAY_CHEQUE, -98000, error) &&
       entry (&d, d.bank, 250, "Garden Centre", "Tools and a shed", "Equipment",
              garden, CR_PAY_CARD, -86250, error) &&
       entry (&d, d.bank, 200, "Greenways Landscaping", "Paths and planting",
              "Estate improvements", garden, CR_PAY_CHEQUE, -112500, error) &&
       entry (&d, d.bank, 190, "Print Express", "Opening day posters",
              "Publicity", garden, CR_PAY_CARD, -17500, error) &&
       entry (&d, d.bank, 185, "Print Express",
              "Banner for the garden "
              "gate",
              "Publicity", garden, CR_PAY_CARD, -25000, error) &&
       entry (&d, d.bank, 120, "Brightwell Homes",
              "Insurance for the "
              "garden",
              "Insurance", tenant_fund, CR_PAY_BANK, -23000, error) &&
       entry (&d, d.bank, 90, "Residents’ Training Network",
              "Treasurer "
              "training course",
              "Training", tenant_fund, CR_PAY_BANK, -9500, error) &&
       entry (&d, d.bank, 40, "Co-operative Bank", "Interest", "Bank interest",
              0, CR_PAY_BANK, 37, error);
  if (!ok)
    return FALSE;

  return claims (&d, error);
}
