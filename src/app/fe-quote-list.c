/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-quote-list.h"

#include "fe-attribution.h"
#include "fe-quote-item.h"
#include "fe-text-match.h"

/* Rows per block of the index from a position to its respondent: finding a quote scans at most
 * one block. */
#define BLOCK_ROWS 4096
/* Matches a search finds before they replace the list shown: more than the rows GTK 4.8 makes
 * for a list, so that those found later are added below them, where adding costs nothing. */
#define SEARCH_FIRST_SHOWN 256
/* Then what it finds is added this often. */
#define SEARCH_ADD_EVERY_US (100 * G_TIME_SPAN_MILLISECOND)

/* The quotes of one open column, respondent by respondent. */
typedef struct
{
  const FeColumn *column;
  int             code;
  FeBitset       *plain;    /* rows quoted by their whole answer, one quote each */
  GPtrArray      *coded;    /* FeQuote*: the excerpts of the coded rows, by row */
  guint          *before;   /* quotes of this column before each block, n_blocks + 1 */
  guint           first;    /* position of its first quote in the list */
  guint           n_quotes;
  guint           n_respondents;
} Source;

/* What an item needs to make its quote when it is first asked for: the sources as they were
 * when it was given its place, so that it makes the same quote after the list changes. */
typedef struct
{
  FeStudy            *study;
  GArray             *sources;
  FeQuoteStarredFunc  starred_func;
  gpointer            starred_data;
} Maker;

struct _FeQuoteList
{
  GObject             parent_instance;

  FeStudy            *study;
  /* Source, those with quotes: replaced, never changed, as a search on a worker reads it. */
  GArray             *sources;
  guint               n_quotes;  /* of every source */
  guint               n_items;   /* listed: the search's matches, or every quote */
  /* guint: the places among every quote of the matches found; NULL: no search. */
  GArray             *matches;
  char               *query;
  GCancellable       *search;    /* the one running */
  guint               search_serial;
  gboolean            searching;
  gboolean            search_shown;  /* its first matches replaced the list */
  /* position → the FeQuoteItem made for it and still alive; not references */
  GHashTable         *items;
  FeQuoteStarredFunc  starred_func;
  gpointer            starred_data;
  Maker              *maker;     /* what the items made now make their quotes from */
};

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED_IN_PLACE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->plain, fe_bitset_free);
  g_clear_pointer (&source->coded, g_ptr_array_unref);
  g_clear_pointer (&source->before, g_free);
}

static GArray *
sources_new (void)
{
  GArray *sources = g_array_new (FALSE, TRUE, sizeof (Source));

  g_array_set_clear_func (sources, (GDestroyNotify) source_clear);
  return sources;
}

static GType
fe_quote_list_get_item_type (GListModel *model)
{
  return FE_TYPE_QUOTE_ITEM;
}

static guint
fe_quote_list_get_n_items (GListModel *model)
{
  return FE_QUOTE_LIST (model)->n_items;
}

static FeQuote *
quote_copy (const FeQuote *quote)
{
  FeQuote *copy = g_new0 (FeQuote, 1);

  copy->row = quote->row;
  copy->column = quote->column;
  copy->text = g_strdup (quote->text);
  copy->note = g_strdup (quote->note);
  copy->codes = g_array_copy (quote->codes);
  return copy;
}

/* The whole answer of an uncoded row. */
static FeQuote *
plain_quote (FeStudy        *study,
             const FeColumn *column,
             guint           row)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
  FeQuote *quote;

  fe_study_collect_row_quotes (study, column, row, -1, quotes);
  if (quotes->len > 0)
    return g_ptr_array_steal_index (quotes, 0);
  /* Marked answered but blank once read: still the place the count promised. */
  quote = g_new0 (FeQuote, 1);
  quote->row = row;
  quote->column = column;
  quote->text = g_strdup ("");
  quote->codes = g_array_new (FALSE, FALSE, sizeof (guint));
  return quote;
}

/* The @index-th quote of @source. */
static FeQuote *
source_make_quote (FeStudy      *study,
                   const Source *source,
                   guint         index)
{
  guint n_blocks = (fe_bitset_get_size (source->plain) + BLOCK_ROWS - 1) / BLOCK_ROWS;
  guint low = 0, high = n_blocks, block, start, end, coded = 0;

  /* The last block starting at or before it. */
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (source->before[mid] <= index)
        low = mid;
      else
        high = mid;
    }
  block = low;
  index -= source->before[block];
  start = block * BLOCK_ROWS;
  end = MIN (start + BLOCK_ROWS, fe_bitset_get_size (source->plain));
  low = 0;
  high = source->coded->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (((FeQuote *) g_ptr_array_index (source->coded, mid))->row < start)
        low = mid + 1;
      else
        high = mid;
    }
  coded = low;

  for (guint row = start; row < end; row++)
    {
      if (fe_bitset_get (source->plain, row) && index-- == 0)
        return plain_quote (study, source->column, row);
      for (; coded < source->coded->len
             && ((FeQuote *) g_ptr_array_index (source->coded, coded))->row == row; coded++)
        if (index-- == 0)
          return quote_copy (g_ptr_array_index (source->coded, coded));
    }
  g_return_val_if_reached (plain_quote (study, source->column, start));
}

static void
maker_free (Maker *maker)
{
  g_object_unref (maker->study);
  g_array_unref (maker->sources);
}

static void
maker_release (gpointer maker)
{
  g_rc_box_release_full (maker, (GDestroyNotify) maker_free);
}

/* The quote at @index among every quote of the maker's sources. */
static FeQuote *
maker_make (gpointer  data,
            guint     index,
            gboolean *starred)
{
  Maker *maker = data;
  /* There are items, so there is a column they come from. */
  const Source *source = &g_array_index (maker->sources, Source, 0);
  FeQuote *quote;

  for (guint s = 1; s < maker->sources->len; s++)
    if (g_array_index (maker->sources, Source, s).first <= index)
      source = &g_array_index (maker->sources, Source, s);
  quote = source_make_quote (maker->study, source, index - source->first);
  *starred = maker->starred_func != NULL && maker->starred_func (quote, maker->starred_data);
  return quote;
}

static Maker *
current_maker (FeQuoteList *self)
{
  if (self->maker == NULL)
    {
      self->maker = g_rc_box_new0 (Maker);
      self->maker->study = g_object_ref (self->study);
      self->maker->sources = g_array_ref (self->sources);
      self->maker->starred_func = self->starred_func;
      self->maker->starred_data = self->starred_data;
    }
  return self->maker;
}

/* The next items are made from the list as it is then. */
static void
forget_maker (FeQuoteList *self)
{
  g_clear_pointer (&self->maker, maker_release);
}

/* Where the quote listed at @position is among every quote. */
static guint
quote_index (FeQuoteList *self,
             guint        position)
{
  return self->matches != NULL ? g_array_index (self->matches, guint, position) : position;
}

/* The item at @position stands for the quote listed there now. */
static void
point_item (FeQuoteList *self,
            FeQuoteItem *item,
            guint        position)
{
  fe_quote_item_remake (item, self->study, maker_make, g_rc_box_acquire (current_maker (self)),
                        maker_release, quote_index (self, position));
}

static void
on_item_finalized (gpointer  data,
                   GObject  *item)
{
  FeQuoteList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == item)
      {
        g_hash_table_iter_remove (&iter);
        return;
      }
}

static gpointer
fe_quote_list_get_item (GListModel *model,
                        guint       position)
{
  FeQuoteList *self = FE_QUOTE_LIST (model);
  FeQuoteItem *item;

  if (position >= self->n_items)
    return NULL;
  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  item = fe_quote_item_new (self->study, maker_make, g_rc_box_acquire (current_maker (self)),
                            maker_release, quote_index (self, position));
  g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
  g_object_weak_ref (G_OBJECT (item), on_item_finalized, self);
  return item;
}

static void
fe_quote_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fe_quote_list_get_item_type;
  iface->get_n_items = fe_quote_list_get_n_items;
  iface->get_item = fe_quote_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (FeQuoteList, fe_quote_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      fe_quote_list_model_init))

static void
forget_items (FeQuoteList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, on_item_finalized, self);
  g_hash_table_remove_all (self->items);
}

static void
stop_search (FeQuoteList *self)
{
  if (self->search != NULL)
    g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  self->search_serial++;
}

static void
fe_quote_list_dispose (GObject *object)
{
  FeQuoteList *self = FE_QUOTE_LIST (object);

  stop_search (self);
  forget_items (self);
  forget_maker (self);
  /* Let go, not emptied: a search still running reads it. */
  g_array_unref (self->sources);
  self->sources = sources_new ();
  g_clear_object (&self->study);
  G_OBJECT_CLASS (fe_quote_list_parent_class)->dispose (object);
}

static void
fe_quote_list_finalize (GObject *object)
{
  FeQuoteList *self = FE_QUOTE_LIST (object);

  g_hash_table_unref (self->items);
  g_array_unref (self->sources);
  g_clear_pointer (&self->matches, g_array_unref);
  g_free (self->query);
  G_OBJECT_CLASS (fe_quote_list_parent_class)->finalize (object);
}

static void
fe_quote_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FeQuoteList *self = FE_QUOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_quote_list_class_init (FeQuoteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fe_quote_list_dispose;
  object_class->finalize = fe_quote_list_finalize;
  object_class->get_property = fe_quote_list_get_property;

  /* A search is looking for more matches. */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The items GTK holds were given other quotes where they are, and only the change of length
   * was announced: the rows showing them are to be drawn again. */
  signals[SIGNAL_CHANGED_IN_PLACE] =
    g_signal_new ("changed-in-place", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fe_quote_list_init (FeQuoteList *self)
{
  self->items = g_hash_table_new (NULL, NULL);
  self->sources = sources_new ();
}

FeQuoteList *
fe_quote_list_new (void)
{
  return g_object_new (FE_TYPE_QUOTE_LIST, NULL);
}

/* Forgets the quotes listed, telling nobody yet; the old length. */
static guint
reset (FeQuoteList *self,
       FeStudy     *study,
       gboolean     in_place)
{
  guint old_n_items = self->n_items;

  if (!in_place)
    forget_items (self);
  stop_search (self);
  forget_maker (self);
  g_array_unref (self->sources);
  self->sources = sources_new ();
  g_set_object (&self->study, study);
  self->n_quotes = 0;
  return old_n_items;
}

/* Counts @source's quotes (its plain rows' and its made excerpts', by block) and lists it after
 * the others; an empty one is let go. */
static void
take_source (FeQuoteList *self,
             Source      *source)
{
  guint n_rows = fe_bitset_get_size (source->plain);
  guint n_blocks = (n_rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
  guint64 *words = fe_bitset_peek_words (source->plain);
  guint last_row = G_MAXUINT;

  source->before = g_new0 (guint, n_blocks + 1);
  for (guint b = 0; b < n_blocks; b++)
    {
      guint n = 0;

      for (guint w = b * (BLOCK_ROWS / 64); w < MIN ((b + 1) * (BLOCK_ROWS / 64),
                                                     (n_rows + 63) / 64); w++)
        n += (guint) __builtin_popcountll (words[w]);
      source->before[b + 1] = n;
    }
  source->n_respondents = fe_bitset_count (source->plain);
  for (guint q = 0; q < source->coded->len; q++)
    {
      guint row = ((FeQuote *) g_ptr_array_index (source->coded, q))->row;

      source->before[row / BLOCK_ROWS + 1]++;
      if (row != last_row)
        source->n_respondents++;
      last_row = row;
    }
  for (guint b = 0; b < n_blocks; b++)
    source->before[b + 1] += source->before[b];
  source->n_quotes = source->before[n_blocks];
  source->first = self->n_quotes;
  if (source->n_quotes == 0)
    {
      source_clear (source);
      return;
    }
  self->n_quotes += source->n_quotes;
  g_array_append_val (self->sources, *source);
}

/* Lists the quotes of @column of the respondents in @selected: counted from the bitsets, and
 * the coded rows' excerpts (bounded by the coding file) made now. */
static void
add_source (FeQuoteList    *self,
            const FeColumn *column,
            int             code,
            const FeBitset *selected)
{
  Source source = { column, code };
  guint last_row = G_MAXUINT;

  source.plain = fe_bitset_copy (selected);
  if (code >= 0)
    fe_bitset_and_not (source.plain, selected);
  else
    fe_bitset_and (source.plain, column->answered);
  source.coded = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
  if (column->coded)
    for (guint i = 0; i < column->codings->len; i++)
      {
        guint row = g_array_index (column->codings, FeCodingEntry, i).row;

        if (row == last_row || !fe_bitset_get (selected, row))
          continue;
        last_row = row;
        fe_bitset_clear_bit (source.plain, row);
        fe_study_collect_row_quotes (self->study, column, row, code, source.coded);
      }
  take_source (self, &source);
}

/* In place, the items alive (those GTK holds) are given the quotes now at their places, and
 * only the change of length is announced, at the end: told of a wider change, GTK 4.8 looks
 * for the rows it shows among every item added and remakes every row the change spans. */
static void
announce (FeQuoteList *self,
          guint        old_n_items,
          gboolean     in_place)
{
  guint common = in_place ? MIN (old_n_items, self->n_items) : 0;
  GHashTableIter iter;
  gpointer position, item;

  g_hash_table_iter_init (&iter, self->items);
  while (in_place && g_hash_table_iter_next (&iter, &position, &item))
    {
      if (GPOINTER_TO_UINT (position) >= self->n_items)
        {
          g_object_weak_unref (item, on_item_finalized, self);
          g_hash_table_iter_remove (&iter);
          continue;
        }
      point_item (self, item, GPOINTER_TO_UINT (position));
    }

  if (old_n_items != common || self->n_items != common)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n_items - common,
                                self->n_items - common);
  if (in_place)
    g_signal_emit (self, signals[SIGNAL_CHANGED_IN_PLACE], 0);
}

/* ---- Search ---------------------------------------------------------------------------- */

typedef struct
{
  FeStudy     *study;
  GArray      *sources;
  FeTextQuery *query;
  GArray      *within;  /* guint: the places to look at (a shorter search's matches), or NULL */
  guint        serial;
  GMainContext *context;
} Search;

typedef struct
{
  FeQuoteList *list;
  guint        serial;
  GArray      *found;   /* guint: places among every quote, in order */
  gboolean     done;
} Found;

static void
search_free (Search *search)
{
  g_object_unref (search->study);
  g_array_unref (search->sources);
  fe_text_query_free (search->query);
  g_clear_pointer (&search->within, g_array_unref);
  g_main_context_unref (search->context);
  g_free (search);
}

static void
found_free (Found *found)
{
  g_object_unref (found->list);
  g_array_unref (found->found);
  g_free (found);
}

static void
set_searching (FeQuoteList *self,
               gboolean     searching)
{
  if (self->searching == searching)
    return;
  self->searching = searching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* On the main thread: the first matches replace the list where it is; the others are added
 * below them. */
static gboolean
take_found (gpointer data)
{
  Found *found = data;
  FeQuoteList *self = found->list;
  guint old_n_items = self->n_items;

  if (found->serial != self->search_serial)
    return G_SOURCE_REMOVE;
  if (!self->search_shown)
    {
      self->search_shown = TRUE;
      g_clear_pointer (&self->matches, g_array_unref);
      self->matches = g_array_ref (found->found);
      self->n_items = self->matches->len;
      announce (self, old_n_items, TRUE);
    }
  else if (found->found->len > 0)
    {
      g_array_append_vals (self->matches, found->found->data, found->found->len);
      self->n_items = self->matches->len;
      g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0, found->found->len);
    }
  if (found->done)
    {
      g_clear_object (&self->search);
      set_searching (self, FALSE);
    }
  return G_SOURCE_REMOVE;
}

static void
post_found (FeQuoteList *self,
            Search      *search,
            GArray     **found,
            gboolean     done)
{
  Found *post = g_new0 (Found, 1);
  GSource *source = g_idle_source_new ();

  post->list = g_object_ref (self);
  post->serial = search->serial;
  post->found = g_steal_pointer (found);
  post->done = done;
  /* Not g_main_context_invoke(): while the main thread is between two iterations, that runs
   * the function here, on the worker, which GTK must never see. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, take_found, post, (GDestroyNotify) found_free);
  g_source_attach (source, search->context);
  g_source_unref (source);
  *found = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Whether the quote of @row (@coded, or its whole answer) matches, in its words or in whom it
 * is attributed to, as the list shows them. */
static gboolean
quote_matches (Search         *search,
               const Source   *source,
               guint           row,
               const FeQuote  *coded)
{
  g_autofree char *answer = NULL;
  g_autofree char *attribution = NULL;

  if (coded == NULL)
    answer = fe_study_dup_answer (search->study, source->column, row);
  if (fe_text_query_matches (search->query, coded != NULL ? coded->text : answer))
    return TRUE;
  attribution = fe_study_dup_attribution (search->study, row);
  return fe_text_query_matches (search->query, attribution);
}

/* Goes through the quotes in the list's order (each source's by row, a row's whole answer
 * before its excerpts), as source_make_quote() counts them. */
static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FeQuoteList *self = source_object;
  Search *search = task_data;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean shown = FALSE;
  gint64 last_post = g_get_monotonic_time ();
  guint position = 0, next_within = 0, looked = 0;

  for (guint s = 0; s < search->sources->len; s++)
    {
      const Source *source = &g_array_index (search->sources, Source, s);
      guint row = fe_bitset_next (source->plain, 0), coded = 0;

      while (row != G_MAXUINT || coded < source->coded->len)
        {
          const FeQuote *excerpt = coded < source->coded->len
                                   ? g_ptr_array_index (source->coded, coded) : NULL;
          gboolean plain = excerpt == NULL || (row != G_MAXUINT && row <= excerpt->row);
          guint at = position++;

          if (search->within != NULL)
            {
              if (next_within == search->within->len)
                goto done;
              if (g_array_index (search->within, guint, next_within) != at)
                goto next;
              next_within++;
            }
          if (++looked % 256 == 0 && g_task_return_error_if_cancelled (task))
            return;
          if (quote_matches (search, source, plain ? row : excerpt->row, plain ? NULL : excerpt))
            g_array_append_val (found, at);
          if (shown ? found->len > 0
                      && g_get_monotonic_time () - last_post > SEARCH_ADD_EVERY_US
                    : found->len >= SEARCH_FIRST_SHOWN)
            {
              post_found (self, search, &found, FALSE);
              shown = TRUE;
              last_post = g_get_monotonic_time ();
            }
        next:
          if (plain)
            row = fe_bitset_next (source->plain, row + 1);
          else
            coded++;
        }
    }
done:
  post_found (self, search, &found, TRUE);
  /* What it found went to the list already; newer GLib warns of a task that never returns. */
  g_task_return_boolean (task, TRUE);
}

static void
start_search (FeQuoteList *self,
              GArray      *within)
{
  g_autoptr(GTask) task = NULL;
  Search *search = g_new0 (Search, 1);

  stop_search (self);
  self->search = g_cancellable_new ();
  self->search_shown = FALSE;
  search->study = g_object_ref (self->study);
  search->sources = g_array_ref (self->sources);
  search->query = fe_text_query_new (self->query);
  search->within = within;
  search->serial = self->search_serial;
  search->context = g_main_context_ref_thread_default ();
  task = g_task_new (self, self->search, NULL, NULL);
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  g_task_run_in_thread (task, search_thread);
  set_searching (self, TRUE);
}

/* The quotes just counted are listed: all of them, or those a search finds. */
static void
list_quotes (FeQuoteList *self,
             guint        old_n_items,
             gboolean     in_place)
{
  g_clear_pointer (&self->matches, g_array_unref);
  if (self->query != NULL && self->study != NULL)
    {
      /* The matches of another segment would be wrong here: none until some are found. */
      self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
      self->n_items = 0;
      start_search (self, NULL);
    }
  else
    {
      self->n_items = self->n_quotes;
      set_searching (self, FALSE);
    }
  announce (self, old_n_items, in_place);
}

void
fe_quote_list_set_search (FeQuoteList *self,
                          const char  *query)
{
  g_autofree char *old = NULL;
  gboolean narrower;

  g_return_if_fail (FE_IS_QUOTE_LIST (self));

  if (query != NULL && *query == '\0')
    query = NULL;
  if (g_strcmp0 (query, self->query) == 0)
    return;
  old = g_steal_pointer (&self->query);
  self->query = g_strdup (query);
  /* Every word of a longer query is a longer word of the shorter one, or another word: its
   * matches are among the shorter one's, once all of those are known. */
  narrower = old != NULL && query != NULL && g_str_has_prefix (query, old) && !self->searching
             && self->matches != NULL;
  if (self->study == NULL)
    return;
  if (query == NULL)
    {
      stop_search (self);
      list_quotes (self, self->n_items, TRUE);
      return;
    }
  if (self->matches == NULL)
    {
      /* Every quote is listed until the first matches replace them. */
      self->matches = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_items);
      for (guint i = 0; i < self->n_items; i++)
        g_array_append_val (self->matches, i);
    }
  start_search (self, narrower ? g_array_copy (self->matches) : NULL);
}

const char *
fe_quote_list_get_search (FeQuoteList *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_LIST (self), NULL);
  return self->query;
}

gboolean
fe_quote_list_is_searching (FeQuoteList *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_LIST (self), FALSE);
  return self->searching;
}

guint
fe_quote_list_get_n_quotes (FeQuoteList *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_LIST (self), 0);
  return self->n_quotes;
}

void
fe_quote_list_clear (FeQuoteList *self)
{
  guint old_n_items;

  g_return_if_fail (FE_IS_QUOTE_LIST (self));

  old_n_items = reset (self, NULL, FALSE);
  g_clear_pointer (&self->matches, g_array_unref);
  self->n_items = 0;
  set_searching (self, FALSE);
  if (old_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
}

void
fe_quote_list_set_segment (FeQuoteList    *self,
                           FeStudy        *study,
                           const FeColumn *question,
                           int             level,
                           const FeBitset *rows,
                           gboolean        in_place)
{
  g_autoptr(FeBitset) selected = NULL;
  const FeColumn *source;
  guint old_n_items;
  int code;

  g_return_if_fail (FE_IS_QUOTE_LIST (self));
  g_return_if_fail (FE_IS_STUDY (study));

  old_n_items = reset (self, study, in_place);
  source = fe_study_select_quoted (question, level, rows, &selected, &code);
  if (source != NULL)
    add_source (self, source, code, selected);
  list_quotes (self, old_n_items, in_place);
}

void
fe_quote_list_set_all_text (FeQuoteList    *self,
                            FeStudy        *study,
                            const FeBitset *rows,
                            gboolean        in_place)
{
  guint old_n_items;

  g_return_if_fail (FE_IS_QUOTE_LIST (self));
  g_return_if_fail (FE_IS_STUDY (study));

  old_n_items = reset (self, study, in_place);
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      const FeColumn *column = fe_study_get_column (study, c);

      if (column->role == FE_ROLE_TEXT)
        add_source (self, column, -1, rows);
    }
  list_quotes (self, old_n_items, in_place);
}

static int
compare_quote_rows (gconstpointer a,
                    gconstpointer b)
{
  const FeQuote *x = *(FeQuote * const *) a, *y = *(FeQuote * const *) b;

  return (x->row > y->row) - (x->row < y->row);
}

void
fe_quote_list_set_quotes (FeQuoteList *self,
                          FeStudy     *study,
                          GPtrArray   *quotes,
                          gboolean     in_place)
{
  g_autoptr(GPtrArray) owned = quotes;
  guint old_n_items;

  g_return_if_fail (FE_IS_QUOTE_LIST (self));
  g_return_if_fail (FE_IS_STUDY (study));

  old_n_items = reset (self, study, in_place);
  /* A source a question, in the order the questions first come, each made of its quotes. */
  while (owned->len > 0)
    {
      const FeColumn *column = ((FeQuote *) g_ptr_array_index (owned, 0))->column;
      Source source = { column, -1 };

      source.plain = fe_bitset_new (fe_study_get_n_rows (study));
      source.coded = g_ptr_array_new_with_free_func ((GDestroyNotify) fe_quote_free);
      for (guint q = 0; q < owned->len;)
        if (((FeQuote *) g_ptr_array_index (owned, q))->column == column)
          g_ptr_array_add (source.coded, g_ptr_array_steal_index (owned, q));
        else
          q++;
      g_ptr_array_sort (source.coded, compare_quote_rows);
      take_source (self, &source);
    }
  list_quotes (self, old_n_items, in_place);
}

guint
fe_quote_list_get_n_groups (FeQuoteList *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_LIST (self), 0);
  return self->sources->len;
}

const FeColumn *
fe_quote_list_get_group (FeQuoteList *self,
                         guint        group,
                         guint       *n_quotes,
                         guint       *n_respondents)
{
  const Source *source;

  g_return_val_if_fail (FE_IS_QUOTE_LIST (self), NULL);
  g_return_val_if_fail (group < self->sources->len, NULL);

  source = &g_array_index (self->sources, Source, group);
  *n_quotes = source->n_quotes;
  *n_respondents = source->n_respondents;
  return source->column;
}

guint
fe_quote_list_get_n_made (FeQuoteList *self)
{
  g_return_val_if_fail (FE_IS_QUOTE_LIST (self), 0);
  return g_hash_table_size (self->items);
}

void
fe_quote_list_set_starred_func (FeQuoteList       *self,
                                FeQuoteStarredFunc func,
                                gpointer           data)
{
  g_return_if_fail (FE_IS_QUOTE_LIST (self));
  self->starred_func = func;
  self->starred_data = data;
  forget_maker (self);
}

void
fe_quote_list_update_stars (FeQuoteList *self)
{
  GHashTableIter iter;
  gpointer position, value;

  g_return_if_fail (FE_IS_QUOTE_LIST (self));

  /* Those not made yet ask when they are, as the list asks now. */
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &position, &value))
    if (!fe_quote_item_is_made (value))
      point_item (self, value, GPOINTER_TO_UINT (position));
    else
      fe_quote_item_set_starred (value, self->starred_func != NULL
                                        && self->starred_func (fe_quote_item_get_quote (value),
                                                               self->starred_data));
}
