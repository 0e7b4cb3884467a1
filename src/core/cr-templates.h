/* cr-templates.h: terms of reference a new group can start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *key;   /* a rule key of DESIGN.md's table */
  const char *value; /* as cr_rules_set() reads it */
} CrTemplateRule;

typedef struct
{
  const char *heading; /* N_() */
  const char *text;    /* N_() */
} CrTemplateSection;

/* One common shape of group: its usual kind, rules and section texts. */
typedef struct
{
  const char              *id;          /* "focus-group", for the CLI */
  const char              *name;        /* N_() */
  const char              *description; /* N_() */
  const char              *kind;        /* the groups.kind it suits */
  const CrTemplateRule    *rules;       /* ends with a NULL key */
  const CrTemplateSection *sections;    /* ends with a NULL heading */
} CrTemplate;

const CrTemplate *cr_templates_get (guint *n_templates);
const CrTemplate *cr_template_find (const char *id);
char             *cr_templates_list_ids (void);
guint             cr_template_n_rules (const CrTemplate *template_);
guint             cr_template_n_sections (const CrTemplate *template_);

G_END_DECLS
