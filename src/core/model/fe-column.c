/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-column.h"

#include "fe-i18n.h"
#include <string.h>

#include "fe-core-enums.h"
#include "fe-enum.h"
#include "fe-scale-order.h"
#include "fe-text-decode.h"

/* Columns with this many levels or fewer are searched without an index. */
#define SMALL_LEVELS 16

static void
coding_entry_clear (gpointer data)
{
  FeCodingEntry *entry = data;

  g_free (entry->excerpt);
  g_free (entry->note);
}

FeColumn *
fe_column_new (guint       index,
               guint       source_column,
               const char *id)
{
  FeColumn *column = g_new0 (FeColumn, 1);

  column->index = index;
  column->source_column = source_column;
  column->id = g_strdup (id);
  column->label = g_strdup (id);
  column->role = FE_ROLE_TEXT;
  column->levels = g_ptr_array_new_with_free_func (g_free);
  column->level_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_bitset_free);
  column->codings = g_array_new (FALSE, FALSE, sizeof (FeCodingEntry));
  g_array_set_clear_func (column->codings, coding_entry_clear);
  column->level_parents = g_array_new (FALSE, FALSE, sizeof (int));
  column->level_descriptions = g_ptr_array_new_with_free_func (g_free);
  column->other_level = -1;
  return column;
}

void
fe_column_free (FeColumn *column)
{
  if (column == NULL)
    return;

  g_free (column->id);
  g_free (column->label);
  g_free (column->short_label);
  g_ptr_array_unref (column->levels);
  g_ptr_array_unref (column->level_rows);
  g_clear_pointer (&column->answered, fe_bitset_free);
  g_free (column->values);
  g_free (column->numbers);
  fe_bins_free (column->bins);
  g_array_unref (column->codings);
  g_free (column->group);
  g_free (column->group_label);
  g_clear_pointer (&column->members, g_array_unref);
  g_clear_pointer (&column->member_options, g_ptr_array_unref);
  g_array_unref (column->level_parents);
  g_ptr_array_unref (column->level_descriptions);
  g_clear_pointer (&column->level_index, g_hash_table_unref);
  g_clear_pointer (&column->level_codes, g_hash_table_unref);
  g_clear_pointer (&column->code_of_level, g_hash_table_unref);
  g_clear_pointer (&column->level_aliases, g_hash_table_unref);
  g_clear_pointer (&column->child_index, g_hash_table_unref);
  g_clear_pointer (&column->translations, g_hash_table_unref);
  g_free (column->inferred_because);
  g_free (column);
}

const char *
fe_role_to_string (FeRole role)
{
  return fe_enum_to_nick (FE_TYPE_ROLE, role);
}

gboolean
fe_role_from_string (const char *text,
                     FeRole     *role)
{
  /* People write codebooks by hand: "Choice" is a role too. */
  g_autofree char *lower = g_ascii_strdown (text, -1);
  int value;

  if (!fe_enum_from_nick (FE_TYPE_ROLE, lower, &value))
    return FALSE;
  *role = (FeRole) value;
  return TRUE;
}

gboolean
fe_role_is_single_valued (FeRole role)
{
  return role == FE_ROLE_ATTRIBUTE || role == FE_ROLE_ORDINAL || role == FE_ROLE_CHOICE
         || role == FE_ROLE_NUMERIC;
}

const char *
fe_column_get_role_name (const FeColumn *column)
{
  if (column->coded)
    return "coded";
  return fe_role_to_string (column->role);
}

guint
fe_column_get_n_levels (const FeColumn *column)
{
  return column->levels->len;
}

const char *
fe_column_get_level (const FeColumn *column,
                     guint           level)
{
  g_return_val_if_fail (level < column->levels->len, NULL);
  return g_ptr_array_index (column->levels, level);
}

int
fe_column_find_level (const FeColumn *column,
                      const char     *label)
{
  gpointer found;

  if (label == NULL)
    return -1;
  if (column->level_index == NULL)
    {
      for (guint i = 0; i < column->levels->len; i++)
        if (strcmp (g_ptr_array_index (column->levels, i), label) == 0)
          return (int) i;
      return -1;
    }
  found = g_hash_table_lookup (column->level_index, label);
  return found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

static char *
child_key (int         parent,
           const char *label)
{
  return g_strdup_printf ("%d\x1f%s", parent, label);
}

/* Adds @level under its key unless an earlier level holds it: lookups find the first. */
static void
child_index_add (FeColumn *column,
                 guint     level)
{
  char *key = child_key (g_array_index (column->level_parents, int, level),
                         g_ptr_array_index (column->levels, level));

  if (g_hash_table_contains (column->child_index, key))
    {
      column->child_index_duplicates = TRUE;
      g_free (key);
      return;
    }
  g_hash_table_insert (column->child_index, key, GUINT_TO_POINTER (level + 1));
}

static void
ensure_child_index (FeColumn *column)
{
  if (column->child_index != NULL)
    return;
  column->child_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  column->child_index_duplicates = FALSE;
  for (guint l = 0; l < column->levels->len; l++)
    child_index_add (column, l);
}

int
fe_column_find_child_level (const FeColumn *const_column,
                            int             parent,
                            const char     *label)
{
  /* The index is built on demand, behind a const column. */
  FeColumn *column = (FeColumn *) const_column;
  g_autofree char *key = child_key (parent, label);
  gpointer found;

  ensure_child_index (column);
  found = g_hash_table_lookup (column->child_index, key);
  return found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

/* Both indexes point at the level's strings or copies of them, so they are rebuilt whenever
 * levels move. */
static void
rebuild_level_index (FeColumn *column)
{
  g_clear_pointer (&column->child_index, g_hash_table_unref);
  /* A few levels are found as fast by looking at each, and a file may have 100,000 columns. */
  if (column->levels->len <= SMALL_LEVELS)
    {
      g_clear_pointer (&column->level_index, g_hash_table_unref);
      return;
    }
  if (column->level_index == NULL)
    column->level_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_remove_all (column->level_index);
  for (guint l = column->levels->len; l-- > 0;)
    g_hash_table_replace (column->level_index, g_ptr_array_index (column->levels, l),
                          GUINT_TO_POINTER (l + 1));
}

guint
fe_column_add_level (FeColumn   *column,
                     const char *label,
                     guint       n_rows)
{
  char *copy = g_strdup (label);
  guint level = column->levels->len;
  int no_parent = -1;

  g_ptr_array_add (column->levels, copy);
  if (column->level_index != NULL)
    {
      if (!g_hash_table_contains (column->level_index, copy))
        g_hash_table_insert (column->level_index, copy, GUINT_TO_POINTER (level + 1));
    }
  else if (column->levels->len > SMALL_LEVELS)
    rebuild_level_index (column);
  g_ptr_array_add (column->level_rows, fe_bitset_new (n_rows));
  g_array_append_val (column->level_parents, no_parent);
  g_ptr_array_add (column->level_descriptions, NULL);
  if (column->child_index != NULL)
    child_index_add (column, level);
  return level;
}

guint
fe_column_get_n_scale_levels (const FeColumn *column)
{
  guint n = column->levels->len;

  while (n > 0 && (fe_answer_is_non_substantive (g_ptr_array_index (column->levels, n - 1))
                   || (g_ptr_array_index (column->level_descriptions, n - 1) != NULL
                       && fe_answer_is_non_substantive (g_ptr_array_index (
                                                          column->level_descriptions, n - 1)))))
    n--;
  return n;
}

const char *
fe_column_describe_role_source (const FeColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (column->inferred_because != NULL)
    return column->inferred_because;
  if (column->role_source == FE_ROLE_SOURCE_CODEBOOK)
    return _("set by the codebook");
  if (column->role_source == FE_ROLE_SOURCE_CORRECTION)
    return _("set by a correction");
  if (column->identifying)
    return _("could identify a respondent, so it is hidden");
  if (column->metadata)
    return _("recorded by the survey platform, not asked");
  if (column->role == FE_ROLE_ID)
    return _("the survey platform's respondent id");
  if (column->coded)
    return _("codes from the coding file");
  return _("from how the file is laid out");
}

const char *
fe_column_get_level_code (const FeColumn *column,
                          guint           level)
{
  g_return_val_if_fail (level < column->levels->len, NULL);
  if (column->code_of_level == NULL)
    return NULL;
  return g_hash_table_lookup (column->code_of_level, g_ptr_array_index (column->levels, level));
}

gboolean
fe_column_is_question (const FeColumn *column)
{
  return fe_role_is_single_valued (column->role) || column->role == FE_ROLE_MULTI
         || column->coded;
}

int
fe_column_get_level_parent (const FeColumn *column,
                            guint           level)
{
  g_return_val_if_fail (level < column->levels->len, -1);
  return g_array_index (column->level_parents, int, level);
}

void
fe_column_set_level_parent (FeColumn *column,
                            guint     level,
                            int       parent)
{
  g_return_if_fail (level < column->levels->len);
  g_return_if_fail (parent < (int) column->levels->len);

  /* A code cannot sit under itself or under its own descendant. */
  if (parent >= 0 && fe_column_level_is_within (column, (guint) parent, level))
    return;
  if (column->child_index != NULL)
    {
      g_autofree char *old_key = child_key (g_array_index (column->level_parents, int, level),
                                            g_ptr_array_index (column->levels, level));

      /* Another level with the old key may have been hidden behind this one. */
      if (column->child_index_duplicates)
        g_clear_pointer (&column->child_index, g_hash_table_unref);
      else if (GPOINTER_TO_UINT (g_hash_table_lookup (column->child_index, old_key)) == level + 1)
        g_hash_table_remove (column->child_index, old_key);
    }
  g_array_index (column->level_parents, int, level) = parent;
  if (column->child_index != NULL)
    child_index_add (column, level);
}

gboolean
fe_column_level_has_children (const FeColumn *column,
                              guint           level)
{
  for (guint i = 0; i < column->level_parents->len; i++)
    if (g_array_index (column->level_parents, int, i) == (int) level)
      return TRUE;
  return FALSE;
}

guint
fe_column_get_level_depth (const FeColumn *column,
                           guint           level)
{
  guint depth = 0;

  g_return_val_if_fail (level < column->levels->len, 0);
  for (int p = g_array_index (column->level_parents, int, level);
       p >= 0 && depth < column->levels->len;
       p = g_array_index (column->level_parents, int, p))
    depth++;
  return depth;
}

gboolean
fe_column_level_is_within (const FeColumn *column,
                           guint           level,
                           guint           ancestor)
{
  guint steps = 0;

  g_return_val_if_fail (level < column->levels->len, FALSE);
  for (int l = (int) level; l >= 0 && steps <= column->levels->len; steps++)
    {
      if (l == (int) ancestor)
        return TRUE;
      l = g_array_index (column->level_parents, int, l);
    }
  return FALSE;
}

const char *
fe_column_get_level_description (const FeColumn *column,
                                 guint           level)
{
  g_return_val_if_fail (level < column->levels->len, NULL);
  return g_ptr_array_index (column->level_descriptions, level);
}

void
fe_column_set_level_description (FeColumn   *column,
                                 guint       level,
                                 const char *description)
{
  g_return_if_fail (level < column->levels->len);
  g_free (g_ptr_array_index (column->level_descriptions, level));
  g_ptr_array_index (column->level_descriptions, level) = g_strdup (description);
}

guint
fe_column_count_codings (const FeColumn *column,
                         guint           level)
{
  guint count = 0;

  for (guint i = 0; i < column->codings->len; i++)
    count += g_array_index (column->codings, FeCodingEntry, i).code == level;
  return count;
}

void
fe_column_reorder_levels (FeColumn    *column,
                          const guint *order)
{
  guint n = column->levels->len;
  g_autofree guint *new_index = g_new (guint, MAX (n, 1));
  g_autoptr(GPtrArray) levels = g_ptr_array_new_full (n, g_free);
  g_autoptr(GPtrArray) level_rows = g_ptr_array_new_full (n, (GDestroyNotify) fe_bitset_free);
  g_autoptr(GPtrArray) descriptions = g_ptr_array_new_full (n, g_free);
  g_autoptr(GArray) parents = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  guint n_rows = column->answered ? fe_bitset_get_size (column->answered) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_return_if_fail (order[i] < n);
      new_index[order[i]] = i;
    }

  /* Steal each level's data into its new place; the old arrays end up holding nothing. */
  for (guint i = 0; i < n; i++)
    {
      guint old = order[i];
      int parent = g_array_index (column->level_parents, int, old);

      g_ptr_array_add (levels, g_steal_pointer (&g_ptr_array_index (column->levels, old)));
      g_ptr_array_add (level_rows,
                       g_steal_pointer (&g_ptr_array_index (column->level_rows, old)));
      g_ptr_array_add (descriptions,
                       g_steal_pointer (&g_ptr_array_index (column->level_descriptions, old)));
      parent = parent >= 0 ? (int) new_index[parent] : -1;
      g_array_append_val (parents, parent);
    }
  g_ptr_array_unref (column->levels);
  g_ptr_array_unref (column->level_rows);
  g_ptr_array_unref (column->level_descriptions);
  g_array_unref (column->level_parents);
  column->levels = g_steal_pointer (&levels);
  column->level_rows = g_steal_pointer (&level_rows);
  column->level_descriptions = g_steal_pointer (&descriptions);
  column->level_parents = g_steal_pointer (&parents);
  rebuild_level_index (column);

  if (column->other_level >= 0)
    column->other_level = (int) new_index[column->other_level];
  if (column->values != NULL)
    for (guint row = 0; row < n_rows; row++)
      if (column->values[row] != 0)
        column->values[row] = new_index[column->values[row] - 1] + 1;
  for (guint i = 0; i < column->codings->len; i++)
    {
      FeCodingEntry *entry = &g_array_index (column->codings, FeCodingEntry, i);

      entry->code = new_index[entry->code];
    }
}

/* Translations */

static void
translation_free (gpointer data)
{
  FeColumnTranslation *translation = data;

  g_free (translation->label);
  g_free (translation->short_label);
  g_hash_table_unref (translation->levels);
  g_free (translation);
}

static FeColumnTranslation *
ensure_translation (FeColumn   *column,
                    const char *language)
{
  FeColumnTranslation *translation;

  if (column->translations == NULL)
    column->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  translation_free);
  translation = g_hash_table_lookup (column->translations, language);
  if (translation == NULL)
    {
      translation = g_new0 (FeColumnTranslation, 1);
      translation->levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (column->translations, g_strdup (language), translation);
    }
  return translation;
}

/* The translation into @language, else into its language part ("cy" of "cy_GB.UTF-8"). */
static const FeColumnTranslation *
find_translation (const FeColumn *column,
                  const char     *language)
{
  const FeColumnTranslation *translation;
  gsize length;

  if (column->translations == NULL || language == NULL)
    return NULL;
  translation = g_hash_table_lookup (column->translations, language);
  if (translation != NULL)
    return translation;
  length = strcspn (language, "_-.@");
  if (language[length] == '\0')
    return NULL;
  {
    g_autofree char *base = g_strndup (language, length);

    return g_hash_table_lookup (column->translations, base);
  }
}

/* A translated text: NULL or "" is none. */
static void
set_translated (char       **field,
                const char  *text)
{
  g_free (*field);
  *field = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

void
fe_column_set_label_translation (FeColumn   *column,
                                 const char *language,
                                 const char *label)
{
  g_return_if_fail (language != NULL);
  set_translated (&ensure_translation (column, language)->label, label);
}

void
fe_column_set_short_label_translation (FeColumn   *column,
                                       const char *language,
                                       const char *short_label)
{
  g_return_if_fail (language != NULL);
  set_translated (&ensure_translation (column, language)->short_label, short_label);
}

void
fe_column_clear_label_translations (FeColumn *column)
{
  GHashTableIter iter;
  FeColumnTranslation *translation;

  if (column->translations == NULL)
    return;
  g_hash_table_iter_init (&iter, column->translations);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &translation))
    g_clear_pointer (&translation->label, g_free);
}

void
fe_column_set_level_translation (FeColumn   *column,
                                 const char *language,
                                 const char *level,
                                 const char *translation)
{
  g_return_if_fail (language != NULL);
  g_return_if_fail (level != NULL);
  if (translation == NULL || *translation == '\0')
    return;
  g_hash_table_insert (ensure_translation (column, language)->levels, g_strdup (level),
                       g_strdup (translation));
}

const char *
fe_column_get_label_translation (const FeColumn *column,
                                 const char     *language)
{
  const FeColumnTranslation *translation = find_translation (column, language);

  return translation != NULL ? translation->label : NULL;
}

const char *
fe_column_get_level_translation (const FeColumn *column,
                                 guint           level,
                                 const char     *language)
{
  const FeColumnTranslation *translation = find_translation (column, language);

  g_return_val_if_fail (level < column->levels->len, NULL);
  if (translation == NULL)
    return NULL;
  return g_hash_table_lookup (translation->levels, g_ptr_array_index (column->levels, level));
}

gboolean
fe_column_has_language (const FeColumn *column,
                        const char     *language)
{
  return find_translation (column, language) != NULL;
}

static const char *
fe_column_get_label_in (const FeColumn *column,
                        const char     *language)
{
  const char *translated = fe_column_get_label_translation (column, language);

  if (translated != NULL)
    return translated;
  return column->label != NULL ? column->label : column->id;
}

const char *
fe_column_get_level_in (const FeColumn *column,
                        guint           level,
                        const char     *language)
{
  const char *translated;

  g_return_val_if_fail (level < column->levels->len, NULL);
  translated = fe_column_get_level_translation (column, level, language);
  return translated != NULL ? translated : g_ptr_array_index (column->levels, level);
}

static char *
fe_column_dup_short_label_in (const FeColumn *column,
                              const char     *language)
{
  const FeColumnTranslation *translation = find_translation (column, language);
  const char *label;
  g_autofree char *start = NULL;
  char *space;

  if (translation != NULL && translation->short_label != NULL)
    return g_strdup (translation->short_label);
  if (column->short_label != NULL && (translation == NULL || translation->label == NULL))
    return g_strdup (column->short_label);
  label = fe_column_get_label_in (column, language);
  start = fe_text_shorten (label, 30);
  if (strcmp (start, label) == 0 || (space = strrchr (start, ' ')) == NULL)
    return g_steal_pointer (&start);
  *space = '\0';
  return g_strconcat (start, "…", NULL);
}

const char *
fe_column_get_display_language (const FeColumn *column)
{
  FeCatalog *catalog = fe_catalog_get_thread_default ();

  return catalog != NULL ? fe_catalog_get_language (catalog) : column->language;
}

const char *
fe_column_get_display_label (const FeColumn *column)
{
  return fe_column_get_label_in (column, fe_column_get_display_language (column));
}

char *
fe_column_dup_short_label (const FeColumn *column)
{
  return fe_column_dup_short_label_in (column, fe_column_get_display_language (column));
}

const char *
fe_column_get_display_level (const FeColumn *column,
                             guint           level)
{
  return fe_column_get_level_in (column, level, fe_column_get_display_language (column));
}

void
fe_column_set_language (FeColumn   *column,
                        const char *language)
{
  column->language = language != NULL ? g_intern_string (language) : NULL;
}
