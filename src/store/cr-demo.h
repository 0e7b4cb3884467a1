/* cr-demo.h: a realistic, made-up association for trying things out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_DEMO_ASSOCIATION_NAME "Ashbourne Vale Tenants’ and Residents’ Association"

typedef struct
{
  guint   members;   /* people to make */
  guint32 seed;      /* the same seed and "today" give the same file */
  guint   meetings;  /* meetings to make, all groups together; 0: about
                      * thirty a group */
} CrDemoOptions;

gboolean cr_demo_fill (CrStore              *store,
                       const CrDemoOptions  *options,
                       GError              **error);

G_END_DECLS
