/* cr-people-model.h: the register as a GListModel of CrPerson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"
#include "cr-store-people.h"

G_BEGIN_DECLS

#define CR_TYPE_PEOPLE_MODEL (cr_people_model_get_type ())

G_DECLARE_FINAL_TYPE (CrPeopleModel, cr_people_model, CR, PEOPLE_MODEL, GObject)

CrPeopleModel *cr_people_model_new               (CrStore        *store);
CrStore       *cr_people_model_get_store         (CrPeopleModel  *self);
gboolean       cr_people_model_reload            (CrPeopleModel  *self,
                                                  GError        **error);
void           cr_people_model_set_search        (CrPeopleModel  *self,
                                                  const char     *query);
void           cr_people_model_set_status_filter (CrPeopleModel  *self,
                                                  int             status);
gboolean       cr_people_model_set_group_filter  (CrPeopleModel  *self,
                                                  gint64          group_id,
                                                  GError        **error);
gboolean       cr_people_model_set_sort          (CrPeopleModel  *self,
                                                  CrPersonSort    sort,
                                                  gboolean        descending,
                                                  GError        **error);
gboolean       cr_people_model_person_changed    (CrPeopleModel  *self,
                                                  gint64          id,
                                                  GError        **error);
guint          cr_people_model_get_n_total       (CrPeopleModel  *self);

G_END_DECLS
