package kautz.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One point of a study: a file and one value per axis, and the kautz command line that evaluates it.
 *
 * @param index position in the study's full expansion (stable while the description is unchanged)
 * @param id    a digest of what the point computes (command, file label, every option), so a resumed study
 *              recognises points already done even when axes were added or reordered
 * @param file  the file's label (as the description names it)
 * @param axes  axis name to this point's value, in the description's order
 * @param args  the kautz command line, {@code --json} included
 */
public record Point(int index, String id, String file, LinkedHashMap<String, String> axes, List<String> args)
        implements Serializable {}
