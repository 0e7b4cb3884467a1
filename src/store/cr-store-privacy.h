/* cr-store-privacy.h: everything held about one person; consent and
 * retention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* The rows of one table that concern a person, as the file holds them. */
typedef struct
{
  char      *table;    /* "people", "memberships", … */
  char      *via;      /* the column that points at the person */
  GPtrArray *columns;  /* (element-type utf8): every column of the table */
  GPtrArray *rows;     /* (element-type GPtrArray): each a row of texts,
                        * one a column, NULL where the file holds nothing */
} CrSubjectTable;

void        cr_subject_table_free          (CrSubjectTable   *table);
char       *cr_subject_table_get_title     (const char       *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrSubjectTable, cr_subject_table_free)

GPtrArray  *cr_store_subject_access        (CrStore          *self,
                                            gint64            person_id,
                                            GError          **error);

/* What a person agreed to. */
typedef enum
{
  CR_CONSENT_CONTACT = 0,       /* to be contacted, by any means */
  CR_CONSENT_CONTACT_POST,
  CR_CONSENT_CONTACT_PHONE,
  CR_CONSENT_CONTACT_EMAIL,
  CR_CONSENT_PHOTOS,
  CR_CONSENT_SHARE_LANDLORD,    /* details shared with the landlord */
  CR_CONSENT_NEWSLETTER,
  CR_CONSENT_N_PURPOSES
} CrConsentPurpose;

/* How they agreed. */
typedef enum
{
  CR_CONSENT_BY_FORM = 0,
  CR_CONSENT_BY_EMAIL,
  CR_CONSENT_BY_VERBAL,
  CR_CONSENT_BY_ONLINE,
  CR_CONSENT_BY_UNKNOWN,        /* recorded before the method was kept */
  CR_CONSENT_N_METHODS
} CrConsentMethod;

typedef struct
{
  gint64            id;
  gint64            person_id;
  CrConsentPurpose  purpose;
  CrConsentMethod   method;
  char             *given_on;      /* ISO, or NULL if not known */
  char             *withdrawn_on;  /* ISO, or NULL while in force */
  char             *notes;
} CrConsent;

void        cr_consent_free                (CrConsent        *consent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsent, cr_consent_free)

const char *cr_consent_purpose_to_string   (CrConsentPurpose  purpose);
const char *cr_consent_purpose_get_label   (CrConsentPurpose  purpose);
const char *cr_consent_method_to_string    (CrConsentMethod   method);
const char *cr_consent_method_get_label    (CrConsentMethod   method);

GPtrArray  *cr_store_list_consents         (CrStore          *self,
                                            gint64            person_id,
                                            GError          **error);
gint64      cr_store_add_consent           (CrStore          *self,
                                            const CrConsent  *consent,
                                            GError          **error);
gboolean    cr_store_withdraw_consent      (CrStore          *self,
                                            gint64            consent_id,
                                            const char       *on_date,
                                            GError          **error);

gboolean    cr_demo_fill_privacy           (CrStore          *store,
                                            GRand            *rand,
                                            const GDate      *today,
                                            GError          **error);

gboolean    cr_store_check_privacy         (CrStore          *self,
                                            gint64            group_id,
                                            const char       *on_date,
                                            GPtrArray        *items,
                                            GError          **error);

G_END_DECLS
