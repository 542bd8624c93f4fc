/**
 * What the web and worker tiers share about their instances. Both run AMIs baked ahead of
 * time and both are hardened the same way (IMDSv2 only with one hop, an encrypted root
 * volume, Session Manager instead of SSH), so the AMI parameter, the launch template and
 * the findings their roles share are declared once here, and a tier says only what is its
 * own: its AMI, its instance type, its role, its security group and its user data.
 */
@NullMarked
package com.example.shop.infra.instances;

import org.jspecify.annotations.NullMarked;
