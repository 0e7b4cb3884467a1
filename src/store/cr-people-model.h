/* cr-people-model.h: the register as a GListModel of CrPerson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_PEOPLE_MODEL (cr_people_model_get_type ())

G_DECLARE_FINAL_TYPE (CrPeopleModel, cr_people_model, CR, PEOPLE_MODEL, GObject)

CrPeopleModel *cr_people_model_new    (CrStore        *store);
CrStore       *cr_people_model_get_store (CrPeopleModel *self);
gboolean       cr_people_model_reload (CrPeopleModel  *self,
                                       GError        **error);

G_END_DECLS
