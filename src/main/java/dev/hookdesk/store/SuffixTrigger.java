package dev.hookdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * An H2 trigger that keeps a table's suffix table ({@link Substrings}) in step with its text
 * columns, as PostgreSQL keeps a GIN index: in the same transaction, whoever writes the row.
 * The table's owner names the columns in a subclass; V23 (db/h2) creates the trigger.
 */
public abstract class SuffixTrigger implements Trigger {
  private final String suffixTable;
  private final String key;
  private final List<String> columns;
  private int idAt;
  private int workspaceAt;
  private int[] textAt;

  /** {@code suffixTable (workspace_id, suffix, key)} holds the suffixes of {@code columns}. */
  protected SuffixTrigger(String suffixTable, String key, List<String> columns) {
    this.suffixTable = Objects.requireNonNull(suffixTable);
    this.key = Objects.requireNonNull(key);
    this.columns = List.copyOf(columns);
  }

  @Override
  public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
      while (rs.next()) names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
    }
    idAt = names.indexOf("id");
    workspaceAt = names.indexOf("workspace_id");
    textAt = columns.stream().mapToInt(names::indexOf).toArray();
    if (idAt < 0 || workspaceAt < 0 || java.util.Arrays.stream(textAt).anyMatch(i -> i < 0)) {
      throw new SQLException(table + " lacks id, workspace_id or one of " + columns);
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    Set<String> before = oldRow == null ? Set.of() : Substrings.suffixes(texts(oldRow));
    Set<String> after = newRow == null ? Set.of() : Substrings.suffixes(texts(newRow));
    if (before.equals(after)) return;
    Set<String> gone = new HashSet<>(before);
    gone.removeAll(after);
    Set<String> added = new HashSet<>(after);
    added.removeAll(before);
    if (!gone.isEmpty()) {
      write(conn, "DELETE FROM " + suffixTable + " WHERE workspace_id = ? AND suffix = ? AND " + key + " = ?",
          oldRow, gone);
    }
    if (!added.isEmpty()) {
      write(conn, "INSERT INTO " + suffixTable + " (workspace_id, suffix, " + key + ") VALUES (?, ?, ?)",
          newRow, added);
    }
  }

  private void write(Connection conn, String sql, Object[] row, Set<String> suffixes) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (String s : suffixes) {
        ps.setString(1, (String) row[workspaceAt]);
        ps.setString(2, s);
        ps.setString(3, (String) row[idAt]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private List<String> texts(Object[] row) {
    List<String> out = new ArrayList<>(textAt.length);
    for (int i : textAt) out.add((String) row[i]);
    return out;
  }
}
