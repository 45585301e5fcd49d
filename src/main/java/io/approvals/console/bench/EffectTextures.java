package io.approvals.console.bench;

import java.lang.ref.SoftReference;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What JavaFX's effect image pool holds: the textures its drop shadows (dialogs, menus, popups) were drawn in, kept
 * for the next shadow through soft references only. With software rendering they are {@code int[]} on the Java
 * heap, and a full GC keeps them (soft references go when memory runs short, not at {@code System.gc()}): a heap
 * dump after the bench's interaction section found ≈ 30 MB of them in the heap measured with 100,000 rows. Read by
 * reflection (JavaFX's own classes, on the class path here); -1 when this JavaFX has them elsewhere.
 */
final class EffectTextures {
    private EffectTextures() {}

    /** Bytes of pooled effect textures, or -1 when they cannot be read. */
    static long softlyHeldBytes() {
        try {
            Class<?> renderer = Class.forName("com.sun.scenario.effect.impl.Renderer");
            Field renderers = renderer.getDeclaredField("rendererMap");
            Field pools = renderer.getDeclaredField("imagePool");
            Class<?> pool = Class.forName("com.sun.scenario.effect.impl.ImagePool");
            Field unlocked = pool.getDeclaredField("unlocked");
            Field locked = pool.getDeclaredField("locked");
            Class<?> filterable = Class.forName("com.sun.scenario.effect.Filterable");
            Method width = filterable.getMethod("getPhysicalWidth");
            Method height = filterable.getMethod("getPhysicalHeight");
            for (Field f : new Field[] {renderers, pools, unlocked, locked}) {
                f.setAccessible(true);
            }
            // A plain map of the render thread's; read when nothing draws (the bench measures after GC and a pause).
            List<Object> all = new ArrayList<>(((Map<?, ?>) renderers.get(null)).values());
            long bytes = 0;
            for (Object r : all) {
                Object p = pools.get(r);
                synchronized (p) { // the pool's own lock
                    for (Field list : new Field[] {unlocked, locked}) {
                        for (Object ref : (List<?>) list.get(p)) {
                            Object image = ((SoftReference<?>) ref).get();
                            if (image != null) {
                                bytes += 4L * (int) width.invoke(image) * (int) height.invoke(image);
                            }
                        }
                    }
                }
            }
            return bytes;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
