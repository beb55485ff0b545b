/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "evident-toast.h"

#include "evident-a11y.h"

/*
 * Toasts that the code takes away, safely on libadwaita 1.2.
 *
 * A toast comes in over 300 ms, or 500 ms when it replaces one that is
 * still going; it goes over 300 ms, and a toast of high priority sends
 * the one shown back to the queue that way. libadwaita 1.2 frees what it
 * keeps of a toast once it has gone, or once it is dismissed while
 * queued, but the animation that brought it in may still run, and writes
 * there when it ends: a toast taken away less than half a second after
 * it came in can crash the application a moment later (fixed in
 * libadwaita 1.3, "toast-overlay: Prevent show_done from firing after
 * hide_done"). A job that ends, or is cancelled, as its progress shows
 * does just that.
 *
 * So each overlay keeps when it last brought a toast in, in the time of
 * its frame clock, which the animations run on: when a toast is added,
 * and when one is dismissed (the next in the queue then comes in).
 * evident_toast_dismiss() takes a toast away one frame after every toast
 * that came in is fully in: at once, or within half a second.
 *
 * A toast of high priority is worse still: the one it sends back to the
 * queue comes in again when it goes, and if that one has not finished
 * going by then, libadwaita 1.2 aborts ("show_toast: assertion failed:
 * (!info->widget)", fixed in 1.3). So no toast goes back to the queue
 * here: one of high priority takes the place of the toast shown, which
 * is taken away as above, and comes in next.
 */

/* The longest a toast takes to come in (REPLACE_DURATION in libadwaita) */
#define LONGEST_SHOW_US (500 * G_TIME_SPAN_MILLISECOND)

#define CLOCK_KEY "evident-toast-clock"
#define DISMISSING_KEY "evident-toast-dismissing"

typedef struct
{
  GtkWidget *overlay;
  gint64     last_shown;
  GPtrArray *toasts;      /* added, not yet dismissed, the one shown first */
} Clock;

static void toast_gone_cb (gpointer  data,
                           GObject  *toast);

static void
clock_clear (Clock *clock)
{
  g_clear_weak_pointer (&clock->overlay);
  for (guint i = 0; i < clock->toasts->len; i++)
    g_object_weak_unref (g_ptr_array_index (clock->toasts, i), toast_gone_cb, clock);
  g_ptr_array_unref (clock->toasts);
}

static void
clock_release (gpointer clock)
{
  g_rc_box_release_full (clock, (GDestroyNotify) clock_clear);
}

/* Now, as the overlay's animations count time */
static gint64
clock_now (Clock *clock)
{
  GdkFrameClock *frame_clock = NULL;

  if (clock->overlay != NULL)
    frame_clock = gtk_widget_get_frame_clock (clock->overlay);
  if (frame_clock != NULL)
    return gdk_frame_clock_get_frame_time (frame_clock);
  return g_get_monotonic_time ();
}

static void
toast_gone_cb (gpointer  data,
               GObject  *toast)
{
  Clock *clock = data;

  g_ptr_array_remove (clock->toasts, toast);
}

/* The toasts shown: their buttons' names read "Undo", not "_Undo Undo"
 * (libadwaita 1.2 names the button after its label with the mnemonic
 * and then again after the label it holds). */
static void
name_toast_buttons (GtkWidget *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      evident_a11y_name_mnemonics (child);
}

/* After the overlay's own handler, which brings the next toast in. */
static void
toast_dismissed_after_cb (AdwToast *toast,
                          Clock    *clock)
{
  if (clock->overlay != NULL)
    name_toast_buttons (clock->overlay);
}

static void
toast_dismissed_cb (AdwToast *toast,
                    Clock    *clock)
{
  /* The next toast in the queue comes in now. */
  clock->last_shown = clock_now (clock);
  if (g_ptr_array_remove (clock->toasts, toast))
    g_object_weak_unref (G_OBJECT (toast), toast_gone_cb, clock);
}

/**
 * evident_toast_overlay_add_toast:
 * @toast: (transfer full): a toast
 *
 * Shows @toast in @overlay, as adw_toast_overlay_add_toast() does, so
 * that evident_toast_dismiss() can take it away safely.
 */
void
evident_toast_overlay_add_toast (AdwToastOverlay *overlay,
                                 AdwToast        *toast)
{
  Clock *clock;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  clock = g_object_get_data (G_OBJECT (overlay), CLOCK_KEY);
  if (clock == NULL)
    {
      clock = g_rc_box_new0 (Clock);
      clock->toasts = g_ptr_array_new ();
      g_set_weak_pointer (&clock->overlay, GTK_WIDGET (overlay));
      g_object_set_data_full (G_OBJECT (overlay), CLOCK_KEY, clock, clock_release);
    }
  if (g_object_get_data (G_OBJECT (toast), CLOCK_KEY) == NULL)
    {
      g_object_set_data_full (G_OBJECT (toast), CLOCK_KEY, g_rc_box_acquire (clock),
                              clock_release);
      g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), clock);
      g_signal_connect_after (toast, "dismissed", G_CALLBACK (toast_dismissed_after_cb), clock);
    }

  /* In the place of the toast shown, rather than sending it back. */
  if (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
      if (clock->toasts->len > 0)
        evident_toast_dismiss (g_ptr_array_index (clock->toasts, 0));
    }
  if (!g_ptr_array_find (clock->toasts, toast, NULL))
    {
      g_ptr_array_add (clock->toasts, toast);
      g_object_weak_ref (G_OBJECT (toast), toast_gone_cb, clock);
    }

  clock->last_shown = clock_now (clock);
  adw_toast_overlay_add_toast (overlay, toast);
  name_toast_buttons (GTK_WIDGET (overlay));
}

typedef struct
{
  AdwToast *toast;
  Clock    *clock;
  gboolean  due;
} Pending;

static void
pending_free (Pending *pending)
{
  /* The overlay went first: it took its toasts away. */
  if (pending->toast != NULL)
    adw_toast_dismiss (pending->toast);
  g_clear_object (&pending->toast);
  clock_release (pending->clock);
  g_free (pending);
}

static gboolean
dismiss_tick_cb (GtkWidget     *overlay,
                 GdkFrameClock *frame_clock,
                 gpointer       data)
{
  Pending *pending = data;
  g_autoptr (AdwToast) toast = NULL;

  if (gdk_frame_clock_get_frame_time (frame_clock) < pending->clock->last_shown + LONGEST_SHOW_US)
    {
      pending->due = FALSE;
      return G_SOURCE_CONTINUE;
    }
  /* The animations that end in this frame may run after this callback:
   * one frame more. */
  if (!pending->due)
    {
      pending->due = TRUE;
      return G_SOURCE_CONTINUE;
    }

  toast = g_steal_pointer (&pending->toast);
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

/**
 * evident_toast_dismiss:
 *
 * Takes @toast away, as adw_toast_dismiss() does, once every toast that
 * came in is fully in: at once, or within half a second.
 */
void
evident_toast_dismiss (AdwToast *toast)
{
  Pending *pending;
  Clock *clock;

  g_return_if_fail (ADW_IS_TOAST (toast));

  /* Once is enough. */
  if (g_object_get_data (G_OBJECT (toast), DISMISSING_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (toast), DISMISSING_KEY, GINT_TO_POINTER (TRUE));

  clock = g_object_get_data (G_OBJECT (toast), CLOCK_KEY);
  /* Nothing comes in on an overlay that is not on screen. */
  if (clock == NULL || clock->overlay == NULL || !gtk_widget_get_mapped (clock->overlay))
    {
      adw_toast_dismiss (toast);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->toast = g_object_ref (toast);
  pending->clock = g_rc_box_acquire (clock);
  gtk_widget_add_tick_callback (clock->overlay, dismiss_tick_cb, pending,
                                (GDestroyNotify) pending_free);
}
