/**
 * The network every other stack runs in: a VPC over three Availability Zones with public
 * subnets for the load balancer, private subnets for the instances and isolated subnets
 * for the database, endpoints that keep AWS API calls off the NAT gateways, and the
 * security groups the other stacks attach. The groups live here, not with their users,
 * because the database admits the web and worker groups and the load balancer reaches the
 * web group: declaring them once keeps those references one-way.
 */
@NullMarked
package com.example.shop.infra.network;

import org.jspecify.annotations.NullMarked;
