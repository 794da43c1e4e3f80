/**
 * Publishing wheels and sdists into a PEP 503/691 simple repository on any {@link
 * io.pinrepo.spi.Storage}: {@link io.pinrepo.pypi.PypiRepository} publishes, yanks, deletes and
 * lists, and reports each change as a {@link io.pinrepo.format.ChangeReport} of {@link
 * io.pinrepo.pypi.DistributionRef}s; {@link io.pinrepo.pypi.SimpleLayout} names the objects; {@link
 * io.pinrepo.pypi.PypiFormat} lets repository-wide tools (verify, GC, serving, replication)
 * understand the layout. Names, file names and metadata are in {@code io.pinrepo.pypi.metadata},
 * the pages in {@code io.pinrepo.pypi.simple}, versions in {@code io.pinrepo.pypi.version}; none of
 * them uses this package.
 *
 * <h2>Serving the JSON pages from a static host</h2>
 *
 * <p>Each project directory holds {@code index.html} (PEP 503) and {@code index.json} (PEP 691,
 * {@code application/vnd.pypi.simple.v1+json}). Clients such as pip request {@code
 * <index>/<project>/} with {@code Accept: application/vnd.pypi.simple.v1+json, ...html;q=0.1,
 * text/html;q=0.01}. A plain static host (nginx {@code index index.html}, S3 website hosting)
 * cannot negotiate and serves {@code index.html}, which every pip understands, so the repository
 * works unchanged there. To serve JSON, negotiate on {@code Accept} in the front end, for example
 * in nginx:
 *
 * <pre>
 * map $http_accept $simple_index {
 *   default                                 index.html;
 *   "~application/vnd\.pypi\.simple\.v1\+json" index.json;
 * }
 * location /simple/ { index $simple_index; add_header Vary Accept; types { application/vnd.pypi.simple.v1+json json; } }
 * </pre>
 *
 * <p>(or a CloudFront function doing the same rewrite in front of S3). pinrepo-server's {@code
 * RepositoryServer} negotiates this way, on the media types {@link
 * io.pinrepo.pypi.PypiFormat#serving} gives each page. Upload the JSON with the content type {@code
 * application/vnd.pypi.simple.v1+json}.
 */
package io.pinrepo.pypi;
