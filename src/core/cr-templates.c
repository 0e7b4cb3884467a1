/* cr-templates.c: terms of reference a new group can start from
 *
 * A few shapes most tenants' groups take, so that a secretary setting up a
 * panel starts from sensible rules and headings rather than a blank page:
 * a short-lived focus group, a scrutiny panel, and a tenants' and
 * residents' association committee with an AGM. The texts are starting
 * points in plain words, to be edited before the group adopts them; every
 * rule value is one cr_rules_set() accepts (tests/test-templates.c checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-templates.h"

#include <glib/gi18n-lib.h>

static const CrTemplateRule blank_rules[] = {
  { NULL, NULL },
};

static const CrTemplateSection blank_sections[] = {
  { N_ ("Name"), N_ ("The name of the group.") },
  { N_ ("Purpose"), N_ ("What the group is for.") },
  { N_ ("Membership"), N_ ("Who can join, and how.") },
  { N_ ("Meetings"), N_ ("How often the group meets and how it decides.") },
  { NULL, NULL },
};

static const CrTemplateRule focus_rules[] = {
  { "quorum", "3" },
  { "max-members", "12" },
  { "papers-notice-working-days", "3" },
  { "minutes-due-working-days", "10" },
  { NULL, NULL },
};

static const CrTemplateSection focus_sections[] = {
  { N_ ("Name"), N_ ("This focus group is set up by the association to look "
                     "at one question and report back.") },
  { N_ ("Purpose"), N_ ("To hear what residents think about one service or "
                        "plan, and to put their views to the association "
                        "and the landlord in a short report.") },
  { N_ ("Membership"), N_ ("Any resident may take part. The group stays small "
                           "enough for everyone to speak; the association may "
                           "invite people so that the estate's mix of "
                           "residents is heard.") },
  { N_ ("Meetings"), N_ ("The group meets as often as its question needs, "
                         "with notes sent round afterwards. It ends when its "
                         "report is delivered, or on the end date the "
                         "association set.") },
  { N_ ("Conduct"), N_ ("Members listen to each other, keep personal "
                        "details private and follow the association's code "
                        "of conduct.") },
  { NULL, NULL },
};

static const CrTemplateRule panel_rules[] = {
  { "quorum", "50%" },
  { "max-members", "10" },
  { "lapse-consecutive", "3" },
  { "apologies-excuse", "yes" },
  { "term-years", "2" },
  { "max-terms", "3" },
  { "chair-max-consecutive-years", "3" },
  { "meetings-per-year-min", "6" },
  { "papers-notice-working-days", "5" },
  { "minutes-due-working-days", "10" },
  { "agenda-items-notice-weeks", "2" },
  { "training-threshold-percent", "80" },
  { "casting-vote", "yes" },
  { NULL, NULL },
};

static const CrTemplateSection panel_sections[] = {
  { N_ ("Name"), N_ ("The tenant scrutiny panel.") },
  { N_ ("Objectives"), N_ ("To look closely at how the landlord delivers a "
                           "service, using evidence and residents' "
                           "experience, and to recommend improvements that "
                           "the landlord answers in writing.") },
  { N_ ("Membership"), N_ ("Up to ten residents, chosen so that different "
                           "tenures and parts of the area are represented. "
                           "New members complete the core training before "
                           "they take part in a review. A member who misses "
                           "three meetings in a row without sending apologies "
                           "stops being a member.") },
  { N_ ("Officers"), N_ ("The panel chooses a chair and a vice-chair each "
                         "year. No one chairs for more than three years in a "
                         "row.") },
  { N_ ("Meetings"), N_ ("The panel meets at least six times a year. Papers go "
                         "out five working days before, and items for the "
                         "agenda reach the chair two weeks before. Half the "
                         "members, rounded up, make a quorum. Decisions are "
                         "by agreement where possible, otherwise by a simple "
                         "majority; the chair has a casting vote.") },
  { N_ ("Conduct"), N_ ("Members act independently of the landlord, declare "
                        "any interest in a review and keep what they learn "
                        "confidential until the panel reports.") },
  { NULL, NULL },
};

static const CrTemplateRule tra_rules[] = {
  { "quorum", "min(10,33%)" },
  { "lapse-consecutive", "4" },
  { "apologies-excuse", "yes" },
  { "chair-max-years", "6" },
  { "chair-max-consecutive-years", "3" },
  { "meetings-per-year-min", "4" },
  { "papers-notice-working-days", "5" },
  { "minutes-due-working-days", "15" },
  { "agenda-items-notice-weeks", "2" },
  { "casting-vote", "yes" },
  { "agm-max-months", "15" },
  { "agm-notice-days", "21" },
  { NULL, NULL },
};

static const CrTemplateSection tra_sections[] = {
  { N_ ("Name"), N_ ("The tenants' and residents' association for the "
                     "estate, and its committee.") },
  { N_ ("Objectives"), N_ ("To represent everyone who lives on the estate, "
                           "to work with the landlord and the council to "
                           "improve homes and services, and to bring "
                           "neighbours together.") },
  { N_ ("Membership"), N_ ("Every resident aged 16 or over in the area is "
                           "welcome to join, whatever their tenure. The "
                           "association keeps a register of members and "
                           "treats everyone fairly.") },
  { N_ ("Committee and officers"), N_ ("A committee elected at each annual "
                                       "general meeting runs the association "
                                       "between meetings; it elects a chair, "
                                       "secretary and treasurer. No one "
                                       "chairs for more than three years in "
                                       "a row, or six in all.") },
  { N_ ("Annual general meeting"), N_ ("An AGM is held at least every fifteen "
                                       "months, with 21 days' notice to every "
                                       "household. It receives the annual "
                                       "report and accounts and elects the "
                                       "committee.") },
  { N_ ("Meetings"), N_ ("The committee meets at least four times a year. A "
                         "third of the committee or ten members, whichever "
                         "is fewer, make a quorum. Minutes go round within "
                         "three weeks.") },
  { N_ ("Money"), N_ ("The treasurer keeps the accounts; two officers sign "
                      "each payment; the accounts are checked independently "
                      "every year.") },
  { NULL, NULL },
};

static const CrTemplate templates[] = {
  { "blank", N_ ("Blank"), N_ ("No rules yet; headings to fill in."), NULL,
    blank_rules, blank_sections },
  { "focus-group", N_ ("Focus group"),
    N_ ("A small, short-lived group that looks at one question."),
    "focus-group", focus_rules, focus_sections },
  { "scrutiny-panel", N_ ("Scrutiny panel"),
    N_ ("A trained panel that reviews the landlord's services."), "panel",
    panel_rules, panel_sections },
  { "tra-committee", N_ ("TRA committee with an AGM"),
    N_ ("An association's committee, elected each year at an AGM."),
    "committee", tra_rules, tra_sections },
};

/**
 * cr_templates_get:
 * @n_templates: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_templates): the templates,
 *   blank first
 */
const CrTemplate *
cr_templates_get (guint *n_templates)
{
  g_return_val_if_fail (n_templates != NULL, NULL);
  *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

/**
 * cr_template_find:
 * @id: a template's id ("scrutiny-panel"), in any case
 *
 * Returns: (transfer none) (nullable): the template, or %NULL
 */
const CrTemplate *
cr_template_find (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_ascii_strcasecmp (templates[i].id, id) == 0)
      return &templates[i];
  return NULL;
}

/**
 * cr_templates_list_ids:
 *
 * Returns: (transfer full): the ids, comma-separated, for messages
 */
char *
cr_templates_list_ids (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", templates[i].id);
  return g_string_free (s, FALSE);
}

guint
cr_template_n_rules (const CrTemplate *template_)
{
  guint n = 0;

  g_return_val_if_fail (template_ != NULL, 0);
  while (template_->rules[n].key != NULL)
    n++;
  return n;
}

guint
cr_template_n_sections (const CrTemplate *template_)
{
  guint n = 0;

  g_return_val_if_fail (template_ != NULL, 0);
  while (template_->sections[n].heading != NULL)
    n++;
  return n;
}
