package dev.hookdesk.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import dev.hookdesk.core.Admission;
import java.io.IOException;

/**
 * What every request passes before Javalin: the method on the request line is the method, and
 * no answer may be shown in another site's frame (for browsers that ignore CSP
 * {@code frame-ancestors}, and for API answers, which carry no CSP).
 */
final class EdgeFilter implements Filter {
  static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    ((HttpServletResponse) res).setHeader("X-Frame-Options", "DENY");
    var wrapped = new HttpServletRequestWrapper((HttpServletRequest) req) {
      // Javalin's ctx.method() obeys X-HTTP-Method-Override, so a GET (which a link, an image
      // or a CORS-simple request can send) became a DELETE. Javalin reads it with getHeader
      // alone; hiding it there leaves the header in the list the inspector captures.
      @Override
      public String getHeader(String name) {
        return METHOD_OVERRIDE.equalsIgnoreCase(name) ? null : super.getHeader(name);
      }
    };
    try {
      Admission.refusable(() -> {
        chain.doFilter(wrapped, res);
        return null;
      });
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
