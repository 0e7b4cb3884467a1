/* cr-store-meetings-private.h: what the meetings' store files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-meeting.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* The quorum rule a meeting of @group (an SQL expression) held on @date
 * is judged by: the quorum of the terms of reference in force on that
 * date (the adopted version with the latest adoption on or before it, as
 * cr_store_get_terms_in_force() finds it), or the group's own quorum
 * column when that version doesn't say or no version was in force yet,
 * as cr_store_get_rules() does. NULL when the group has neither; the
 * caller falls back to CR_QUORUM_DEFAULT. The subquery walks the
 * terms_in_force index, so it costs a seek a meeting. */
#define CR_QUORUM_IN_FORCE(group, date)                                    \
  "coalesce ((SELECT r.value FROM terms_rules r WHERE r.key = 'quorum' "   \
  "AND r.version_id = (SELECT t.id FROM terms t WHERE t.group_id = " group \
  " AND t.status = 'adopted' AND t.adopted_on <= " date                    \
  " ORDER BY t.adopted_on DESC, t.version DESC LIMIT 1)), "                \
  "(SELECT qg.quorum FROM groups qg WHERE qg.id = " group "))"

void _cr_store_quorum_rule (CrStore      *self,
                            gint64        group_id,
                            const char   *date,
                            const char   *text,
                            CrQuorumRule *rule);

G_END_DECLS
