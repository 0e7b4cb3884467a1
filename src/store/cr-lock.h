/* cr-lock.h: one writer a file, across processes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CrLock CrLock;

CrLock *_cr_lock_acquire (const char  *db_path,
                          GError     **error);
void    _cr_lock_release (CrLock      *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrLock, _cr_lock_release)

G_END_DECLS
