/**
 * The blue/green deployment on AWS: the Application Load Balancer's weighted listener
 * ({@link com.example.shop.deploy.aws.AlbRouter}), one Auto Scaling group per colour
 * ({@link com.example.shop.deploy.aws.AutoScalingFleet}), the CloudWatch alarms that stop
 * a deployment ({@link com.example.shop.deploy.aws.AlarmSignals}), and the command that
 * runs it ({@link com.example.shop.deploy.aws.AwsDeploy}). Everything the command needs
 * to know about the account (which listener, which groups, which alarms) it reads from
 * the CDK stacks' outputs, so it takes no ARN on its command line and cannot drift from
 * what the stacks built. The classes are thin translations between the state machine's
 * vocabulary and SDK calls, which is why they are tested at the level of the HTTP
 * requests the SDK sends rather than with mocked clients.
 */
@NullMarked
package com.example.shop.deploy.aws;

import org.jspecify.annotations.NullMarked;
