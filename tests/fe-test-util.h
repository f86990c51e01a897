/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether any of @strings (char*) contains @part. */
gboolean fe_test_any_contains (GPtrArray  *strings,
                               const char *part);

/* The path of @name in the test process's temporary folder, made on the first call; the
 * folder and all in it go when the process ends. */
char *fe_test_temp_path (const char *name);

/* Writes @length bytes of @contents (-1: a string) to a file named @name in the test
 * process's temporary folder and returns its path. */
char *fe_test_write_file (const char *name,
                          const char *contents,
                          gssize      length);

/* The path of @file in @folder of the shared fixtures (FE_FIXTURES_DIR), or NULL when they are
 * not beside this checkout. */
char *fe_test_find_fixture (const char *folder,
                            const char *file);

/* Declares @var, the fixture's path, or skips the test (and returns) without it. */
#define FE_TEST_FIXTURE_OR_SKIP(var, folder, file)                                         \
  g_autofree char *var = fe_test_find_fixture ((folder), (file));                          \
  if (var == NULL)                                                                         \
    {                                                                                      \
      g_test_skip ("the shared fixtures are not beside this checkout");                    \
      return;                                                                              \
    }

/* Runs the main loop until @done (@data) is true; FALSE when 20 s pass first. */
gboolean fe_test_wait_until (gboolean (*done) (gpointer),
                             gpointer   data);

/* Asserts that @error is set and its message names @file, @line and @column. */
#define fe_test_assert_error_at(error, file, line, column)                                  \
  G_STMT_START {                                                                           \
    g_autofree char *expected_ = g_strdup_printf ("%s, line %u, column %u:", (file),       \
                                                  (guint) (line), (guint) (column));       \
    g_assert_nonnull ((error));                                                            \
    if (!g_str_has_prefix ((error)->message, expected_))                                   \
      g_error ("expected an error starting “%s”, got “%s”", expected_, (error)->message);  \
  } G_STMT_END

G_END_DECLS
