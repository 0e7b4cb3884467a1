/* cr-person.h: one person the association knows about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CR_TENURE_UNKNOWN = 0,
  CR_TENURE_TENANT,
  CR_TENURE_LEASEHOLDER,
  CR_TENURE_OTHER,
} CrTenure;

/* Where a person stands on a given day: in at least one group, only in groups
 * they have left, or never in any group (a contact, a guest). */
typedef enum
{
  CR_PERSON_STATUS_NONE = 0,
  CR_PERSON_STATUS_CURRENT,
  CR_PERSON_STATUS_FORMER,
} CrPersonStatus;

#define CR_TYPE_PERSON (cr_person_get_type ())

G_DECLARE_FINAL_TYPE (CrPerson, cr_person, CR, PERSON, GObject)

CrPerson      *cr_person_new                   (void);

gint64         cr_person_get_id                (CrPerson       *self);
void           cr_person_set_id                (CrPerson       *self,
                                                gint64          id);
const char    *cr_person_get_given_name        (CrPerson       *self);
void           cr_person_set_given_name        (CrPerson       *self,
                                                const char     *given_name);
const char    *cr_person_get_family_name       (CrPerson       *self);
void           cr_person_set_family_name       (CrPerson       *self,
                                                const char     *family_name);
const char    *cr_person_get_name              (CrPerson       *self);
const char    *cr_person_get_sort_name         (CrPerson       *self);
const char    *cr_person_get_address           (CrPerson       *self);
void           cr_person_set_address           (CrPerson       *self,
                                                const char     *address);
const char    *cr_person_get_block             (CrPerson       *self);
void           cr_person_set_block             (CrPerson       *self,
                                                const char     *block);
const char    *cr_person_get_postcode          (CrPerson       *self);
void           cr_person_set_postcode          (CrPerson       *self,
                                                const char     *postcode);
const char    *cr_person_get_phone             (CrPerson       *self);
void           cr_person_set_phone             (CrPerson       *self,
                                                const char     *phone);
const char    *cr_person_get_email             (CrPerson       *self);
void           cr_person_set_email             (CrPerson       *self,
                                                const char     *email);
CrTenure       cr_person_get_tenure            (CrPerson       *self);
void           cr_person_set_tenure            (CrPerson       *self,
                                                CrTenure        tenure);
gboolean       cr_person_get_consent_to_contact (CrPerson      *self);
const char    *cr_person_get_consent_date      (CrPerson       *self);
void           cr_person_set_consent           (CrPerson       *self,
                                                gboolean        consent,
                                                const char     *date);
const char    *cr_person_get_conduct_signed_on (CrPerson       *self);
void           cr_person_set_conduct_signed_on (CrPerson       *self,
                                                const char     *date);
const char    *cr_person_get_notes             (CrPerson       *self);
void           cr_person_set_notes             (CrPerson       *self,
                                                const char     *notes);

/* Derived by the store from memberships; read-only to everyone else. */
CrPersonStatus cr_person_get_status            (CrPerson       *self);
const char    *cr_person_get_joined            (CrPerson       *self);
void           _cr_person_set_derived          (CrPerson       *self,
                                                CrPersonStatus  status,
                                                const char     *joined);

const char    *cr_tenure_to_string             (CrTenure        tenure);
gboolean       cr_tenure_from_string           (const char     *str,
                                                CrTenure       *tenure);
const char    *cr_tenure_get_label             (CrTenure        tenure);
const char    *cr_person_status_to_string      (CrPersonStatus  status);
const char    *cr_person_status_get_label      (CrPersonStatus  status);

const char    *cr_person_get_sanction          (CrPerson       *self);
void           _cr_person_set_sanction         (CrPerson       *self,
                                                const char     *sanction);

const char    *cr_person_get_roles             (CrPerson       *self);
void           _cr_person_set_roles            (CrPerson       *self,
                                                const char     *roles);

char          *cr_person_dup_search_text       (CrPerson       *self);
char          *cr_person_dup_household_key     (CrPerson       *self);

char          *cr_search_fold                  (const char     *text);

G_END_DECLS
