/**
 * Reading what a distribution file says about itself: project names in PEP 503 normal form ({@link
 * io.pinrepo.pypi.metadata.ProjectName}), the file name rules for wheels and sdists ({@link
 * io.pinrepo.pypi.metadata.DistributionFileName}), core metadata 1.0 to 2.x ({@link
 * io.pinrepo.pypi.metadata.CoreMetadata}) and the archive reader that finds it inside a wheel or
 * sdist with bounded sizes ({@link io.pinrepo.pypi.metadata.DistributionReader}).
 */
package io.pinrepo.pypi.metadata;
